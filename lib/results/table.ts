/*
 * The results tables of one codebook version: one table per aspect; rows are the aspect's
 * behaviours grouped by source (literature first, then each instrument dimension); one
 * column per case (k and N summed over the case's finalized sessions) or per session; each
 * cell the frequency k/N with the intervals it came from; at the foot, per column, how many
 * of the aspect's positive and negative behaviours were shown (k > 0).
 */
import { seenIntervals, type ResultAspect, type ResultBehaviour, type ResultGroup, type ResultSession, type VersionResults } from './model';

export const COLUMNS_BY = ['case', 'session'] as const;
export type ColumnsBy = (typeof COLUMNS_BY)[number];

export const SORTS = ['codebook', 'frequency'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface ResultColumn {
  /** The case id (per case) or the session id (per session). */
  id: string;
  caseNumber: string;
  /** The session's label, per session; null per case. */
  sessionLabel: string | null;
  sessions: ResultSession[];
  /** Intervals summed over the column's sessions. */
  intervals: number;
}

/** The intervals of one session in which a cell's behaviour was seen (0-based). */
export interface CellSource {
  session: ResultSession;
  intervals: number[];
}

export interface ResultCell {
  k: number;
  n: number;
  /** Per session of the column that saw the behaviour at least once. */
  sources: CellSource[];
}

export interface ResultRow {
  /** Index into `VersionResults.behaviours`. */
  index: number;
  behaviour: ResultBehaviour;
  cells: ResultCell[];
}

export interface ResultRowGroup {
  group: ResultGroup;
  rows: ResultRow[];
}

export interface ColumnFoot {
  /** Positive behaviours of the aspect with k > 0 in this column. */
  positive: number;
  negative: number;
}

export interface ResultTable {
  aspectIndex: number;
  aspect: ResultAspect;
  columns: ResultColumn[];
  groups: ResultRowGroup[];
  foot: ColumnFoot[];
}

export interface TableOptions {
  by: ColumnsBy;
  /** Ids of the columns to show side by side, in table order; empty or none known: every column. */
  columns?: readonly string[];
  sort?: SortOrder;
  /** With `sort: 'frequency'`: order by this column's frequency instead of all shown columns together. */
  sortColumn?: string | null;
}

/** Every column of a version, in display order (case number, then session creation). */
export function resultColumns(version: VersionResults, by: ColumnsBy): ResultColumn[] {
  if (by === 'session') {
    return version.sessions.map((s) => ({ id: s.id, caseNumber: s.caseNumber, sessionLabel: s.label, sessions: [s], intervals: s.intervals.length }));
  }
  const cases = new Map<string, ResultColumn>();
  for (const s of version.sessions) {
    let col = cases.get(s.caseId);
    if (!col) cases.set(s.caseId, (col = { id: s.caseId, caseNumber: s.caseNumber, sessionLabel: null, sessions: [], intervals: 0 }));
    col.sessions.push(s);
    col.intervals += s.intervals.length;
  }
  return [...cases.values()];
}

/** The columns chosen for comparison (all when none of `wanted` is known). */
export function chooseColumns(all: ResultColumn[], wanted: readonly string[] | undefined): ResultColumn[] {
  if (!wanted || wanted.length === 0) return all;
  const set = new Set(wanted);
  const chosen = all.filter((c) => set.has(c.id));
  return chosen.length > 0 ? chosen : all;
}

function cellOf(column: ResultColumn, behaviour: number): ResultCell {
  let k = 0;
  const sources: CellSource[] = [];
  for (const s of column.sessions) {
    const count = s.counts[behaviour]!;
    if (count === 0) continue;
    k += count;
    sources.push({ session: s, intervals: seenIntervals(s, behaviour) });
  }
  return { k, n: column.intervals, sources };
}

const share = (k: number, n: number) => (n > 0 ? k / n : 0);

function sortKey(row: ResultRow, sortIndex: number | null): number {
  if (sortIndex !== null) return share(row.cells[sortIndex]!.k, row.cells[sortIndex]!.n);
  let k = 0;
  let n = 0;
  for (const c of row.cells) {
    k += c.k;
    n += c.n;
  }
  return share(k, n);
}

/**
 * One table per aspect. Sorting by frequency orders the behaviours within each group (the
 * groups keep their order: literature first), most frequent first; ties keep codebook order.
 */
export function resultTables(version: VersionResults, opts: TableOptions): ResultTable[] {
  const columns = chooseColumns(resultColumns(version, opts.by), opts.columns);
  const sortIndex = opts.sort === 'frequency' && opts.sortColumn ? columns.findIndex((c) => c.id === opts.sortColumn) : -1;
  return version.aspects.map((aspect, aspectIndex) => {
    const foot: ColumnFoot[] = columns.map(() => ({ positive: 0, negative: 0 }));
    const groups = aspect.groups.map((group): ResultRowGroup => {
      const rows = group.behaviours.map((index): ResultRow => {
        const behaviour = version.behaviours[index]!;
        const cells = columns.map((col, c) => {
          const cell = cellOf(col, index);
          if (cell.k > 0) foot[c]![behaviour.polarity] += 1;
          return cell;
        });
        return { index, behaviour, cells };
      });
      if (opts.sort === 'frequency') {
        const keyed = rows.map((row, i) => ({ row, i, key: sortKey(row, sortIndex >= 0 ? sortIndex : null) }));
        keyed.sort((a, b) => b.key - a.key || a.i - b.i);
        return { group, rows: keyed.map((x) => x.row) };
      }
      return { group, rows };
    });
    return { aspectIndex, aspect, columns, groups, foot };
  });
}

/** Sessions and cases a version's results come from. */
export function versionSummary(version: VersionResults): { sessions: number; cases: number; intervals: number } {
  return { sessions: version.sessions.length, cases: new Set(version.sessions.map((s) => s.caseId)).size, intervals: version.sessions.reduce((n, s) => n + s.intervals.length, 0) };
}
