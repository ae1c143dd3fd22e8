/*
 * What a reconciliation left behind for one session, whichever form it is in: a live board
 * document (revealed session) or the rows a finalization wrote (consensus_cells and
 * board_archives). The review desk reads both through `BoardRecord`.
 */
import { BoardDoc, rationaleText, type Comment, type HistoryEntry } from '@/lib/reconciliation/board-doc';
import { cellStatus } from '@/lib/reconciliation/cells';
import type { Mark } from '@/lib/tally/model';
import type { DisagreementStatus, ThreadEntry } from './model';

export interface BoardRecord {
  /** Every change of every cell, in order. */
  history: readonly HistoryEntry[];
  comments(cell: string): ThreadEntry[];
  /** User ids who flagged "definition unclear" on the cell. */
  unclearBy(cell: string): string[];
  rationale(cell: string): string;
  /** The state of a disagreement cell, given the coders' independent marks (in coder order). */
  state(cell: string, marks: readonly Mark[]): { status: DisagreementStatus; value: Mark | null };
}

const toThread = (c: Partial<Comment>): ThreadEntry => ({
  id: String(c.id ?? ''),
  userId: String(c.userId ?? ''),
  name: String(c.name ?? ''),
  text: String(c.text ?? ''),
  at: Number(c.at ?? 0),
});

/** A live board: the shared document of a revealed session. */
export function liveRecord(board: BoardDoc, coderIds: readonly string[]): BoardRecord {
  const history = board.history.toArray();
  return {
    history,
    comments: (cell) => board.comments(cell).toArray().map(toThread),
    unclearBy: (cell) => coderIds.filter((c) => board.isUnclear(cell, c)),
    rationale: (cell) => rationaleText(board.rationale(cell)),
    state(cell, marks) {
      const { status, value } = cellStatus(marks, board.reopenedCells.has(cell), coderIds.map((c) => board.proposal(cell, c)?.value));
      // Differing marks are never "agreed"; the guard keeps the type honest.
      return status === 'agreed' ? { status: 'settled', value } : { status, value };
    },
  };
}

export interface ArchivedCell {
  value: number;
  rationale: string;
}

export interface Archive {
  /** JSON of board_archives.history. */
  history: string;
  /** JSON of board_archives.notes: per cell { unclear: userIds, comments }. */
  notes: string;
}

type Notes = Record<string, { unclear?: unknown; comments?: unknown }>;

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * A finalized session: the consensus rows (every cell settled) and the archive of its board,
 * when there is one (a consensus list written without a board has none).
 */
export function archivedRecord(cells: ReadonlyMap<string, ArchivedCell>, archive: Archive | null): BoardRecord {
  const rawHistory = parseJson<unknown>(archive?.history, []);
  const history = (Array.isArray(rawHistory) ? rawHistory : []) as HistoryEntry[];
  const rawNotes = parseJson<unknown>(archive?.notes, {});
  const notes = (rawNotes && typeof rawNotes === 'object' && !Array.isArray(rawNotes) ? rawNotes : {}) as Notes;
  return {
    history,
    comments: (cell) => {
      const list = notes[cell]?.comments;
      return Array.isArray(list) ? list.map((c) => toThread((c ?? {}) as Partial<Comment>)) : [];
    },
    unclearBy: (cell) => {
      const list = notes[cell]?.unclear;
      return Array.isArray(list) ? list.map(String) : [];
    },
    rationale: (cell) => cells.get(cell)?.rationale ?? '',
    state: (cell) => {
      const row = cells.get(cell);
      return row ? { status: 'settled', value: row.value === 1 ? 1 : 0 } : { status: 'open', value: null };
    },
  };
}

/**
 * When a cell's discussion started (its first history entry) and when it was settled: the
 * moment the last signature that made every coder's signed mark equal `value` was given,
 * and never withdrawn or changed afterwards.
 */
export function settleTiming(history: readonly HistoryEntry[], cell: string, coderIds: readonly string[], value: Mark | null): { startedAt: number | null; settledAt: number | null } {
  const entries = history.filter((h) => h.cell === cell);
  const startedAt = entries.length ? Math.min(...entries.map((h) => h.at)) : null;
  if (value === null) return { startedAt, settledAt: null };
  const signed = new Map<string, number | null | undefined>();
  let settledAt: number | null = null;
  for (const e of entries) {
    if (e.action === 'propose') signed.set(e.userId, e.value);
    else if (e.action === 'withdraw') signed.delete(e.userId);
    else continue;
    const complete = coderIds.every((c) => signed.get(c) === value);
    if (!complete) settledAt = null;
    else if (settledAt === null) settledAt = e.at;
  }
  return { startedAt, settledAt };
}
