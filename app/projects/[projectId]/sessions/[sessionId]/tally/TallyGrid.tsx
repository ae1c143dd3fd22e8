'use client';
/*
 * The grid: behaviours (grouped by aspect and source) × intervals. Each cell subscribes to
 * its own entry of the TallyStore, so a mark re-renders one cell and its row total only.
 */
import { memo, useCallback, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { TallyStore } from '@/lib/tally/client-store';
import { cellKey } from '@/lib/tally/model';
import type { TallyLabels } from './labels';
import type { GridInterval, GridRow } from './TallyWorkspace';

interface GridProps {
  store: TallyStore;
  rows: GridRow[];
  intervals: GridInterval[];
  readOnly: boolean;
  labels: TallyLabels;
  onToggle(row: number, col: number): void;
  onSet(row: number, col: number, value: 0 | 1): void;
  onFocusCell(row: number, col: number): void;
  onIntervalClick(col: number): void;
}

export function cellId(row: number, col: number): string {
  return `tally-cell-${row}-${col}`;
}

export const TallyGrid = memo(function TallyGrid(props: GridProps) {
  const { rows, intervals, labels } = props;
  const groups: { title: string; start: number; end: number }[] = [];
  rows.forEach((r, i) => {
    const title = `${r.aspect} — ${r.group}`;
    if (groups.at(-1)?.title !== title) groups.push({ title, start: i, end: i + 1 });
    else groups.at(-1)!.end = i + 1;
  });
  const onKeyDown = useGridKeys(props);
  return (
    <table className="tally-grid" aria-label={labels.grid} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col" className="behaviour-col">
            {labels.behaviour}
          </th>
          {intervals.map((iv, col) => (
            <th scope="col" key={col} data-col={col} className="interval-head">
              <button type="button" tabIndex={-1} className="interval-button" onClick={() => props.onIntervalClick(col)} aria-label={labels.interval.replace('{heading}', iv.heading)}>
                {iv.heading}
                {iv.partial && <span className="visually-hidden"> ({labels.partial})</span>}
              </button>
            </th>
          ))}
          <th scope="col" className="freq-col">
            {labels.frequency}
          </th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.title}>
          <tr className="group-row">
            <th scope="rowgroup" colSpan={intervals.length + 2}>
              {g.title}
            </th>
          </tr>
          {rows.slice(g.start, g.end).map((r, offset) => (
            <GridRowView key={r.key} rowIndex={g.start + offset} row={r} {...props} />
          ))}
        </tbody>
      ))}
    </table>
  );
});

const GridRowView = memo(function GridRowView({ rowIndex, row, store, intervals, readOnly, labels, onToggle, onFocusCell }: GridProps & { rowIndex: number; row: GridRow }) {
  return (
    <tr className={row.negative ? 'negative' : undefined}>
      <th scope="row" className="behaviour-col">
        <code>{row.code}</code> {row.label}
        {row.negative && <span className="visually-hidden"> ({labels.negative})</span>}
        {row.shortcut && <kbd aria-hidden="true">{row.shortcut}</kbd>}
      </th>
      {intervals.map((iv, col) => (
        <TallyCell
          key={col}
          store={store}
          behaviourKey={row.key}
          row={rowIndex}
          col={col}
          label={labels.cell.replace('{behaviour}', row.label).replace('{heading}', iv.heading)}
          readOnly={readOnly}
          onToggle={onToggle}
          onFocusCell={onFocusCell}
        />
      ))}
      <RowFrequency store={store} behaviourKey={row.key} n={intervals.length} />
    </tr>
  );
});

/** Counts renders per cell when a benchmark installs a counter (bench/tally-grid.tsx). */
export const renderCounter: { count?: (key: string) => void } = {};

const TallyCell = memo(function TallyCell({
  store,
  behaviourKey,
  row,
  col,
  label,
  readOnly,
  onToggle,
  onFocusCell,
}: {
  store: TallyStore;
  behaviourKey: string;
  row: number;
  col: number;
  label: string;
  readOnly: boolean;
  onToggle(row: number, col: number): void;
  onFocusCell(row: number, col: number): void;
}) {
  const key = cellKey(behaviourKey, col);
  const cell = useSyncExternalStore(
    useCallback((fn) => store.subscribe(key, fn), [store, key]),
    () => store.cell(behaviourKey, col),
    () => store.cell(behaviourKey, col),
  );
  const focused = useSyncExternalStore(
    useCallback((fn) => store.subscribe(`focus:${key}`, fn), [store, key]),
    () => store.focused() === key,
    () => false,
  );
  renderCounter.count?.(key);
  return (
    <td data-col={col} className={cell.value ? 'mark on' : 'mark'}>
      <button
        type="button"
        id={cellId(row, col)}
        tabIndex={focused ? 0 : -1}
        aria-pressed={cell.value === 1}
        aria-label={label}
        aria-disabled={readOnly || undefined}
        onClick={() => !readOnly && onToggle(row, col)}
        onFocus={() => onFocusCell(row, col)}
      >
        {cell.value ? 'I' : ''}
        {cell.note && <span className="note-flag" aria-hidden="true" />}
        {cell.moments.length > 0 && <span className="moment-flag" aria-hidden="true" />}
      </button>
    </td>
  );
});

const RowFrequency = memo(function RowFrequency({ store, behaviourKey, n }: { store: TallyStore; behaviourKey: string; n: number }) {
  const k = useSyncExternalStore(
    useCallback((fn) => store.subscribe(`row:${behaviourKey}`, fn), [store, behaviourKey]),
    () => store.rowCount(behaviourKey),
    () => store.rowCount(behaviourKey),
  );
  return (
    <td className="freq">
      {k}/{n}
    </td>
  );
});

/** Arrow keys, Home/End and PageUp/PageDown move between cells; Space/Enter toggle; 1/0 set. */
function useGridKeys({ rows, intervals, readOnly, onToggle, onSet }: GridProps) {
  return useCallback(
    (e: KeyboardEvent<HTMLTableElement>) => {
      const id = (e.target as HTMLElement).id;
      const m = /^tally-cell-(\d+)-(\d+)$/.exec(id);
      if (!m) return;
      let row = Number(m[1]);
      let col = Number(m[2]);
      const moves: Record<string, () => void> = {
        ArrowUp: () => (row = Math.max(0, row - 1)),
        ArrowDown: () => (row = Math.min(rows.length - 1, row + 1)),
        ArrowLeft: () => (col = Math.max(0, col - 1)),
        ArrowRight: () => (col = Math.min(intervals.length - 1, col + 1)),
        Home: () => (col = 0),
        End: () => (col = intervals.length - 1),
        PageUp: () => (row = Math.max(0, row - 10)),
        PageDown: () => (row = Math.min(rows.length - 1, row + 10)),
      };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        move();
        document.getElementById(cellId(row, col))?.focus();
        return;
      }
      if (readOnly) return;
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        onToggle(row, col);
      } else if (e.key === '1' || e.key === '0') {
        e.preventDefault();
        onSet(row, col, e.key === '1' ? 1 : 0);
      }
    },
    [rows.length, intervals.length, readOnly, onToggle, onSet],
  );
}
