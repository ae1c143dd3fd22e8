'use client';
/*
 * Both coders' marks side by side per cell (A | B): agreements quiet, disagreements loud,
 * with the cell's reconciliation status. Cells subscribe to their own BoardStore key.
 */
import { memo, useCallback, useSyncExternalStore, type KeyboardEvent } from 'react';
import { fill } from '@/lib/i18n/messages';
import type { BoardStore } from '@/lib/reconciliation/board-store';
import { isOpen } from '@/lib/reconciliation/cells';
import { cellKey } from '@/lib/tally/model';
import type { BoardLabels } from './labels';
import type { BoardRow } from './BoardWorkspace';

export interface GridFilter {
  onlyDisagreements: boolean;
  onlyOpen: boolean;
  aspect: string;
  interval: number | null;
}

interface Props {
  store: BoardStore;
  rows: BoardRow[];
  headings: string[];
  filter: GridFilter;
  selected: string;
  labels: BoardLabels;
  onSelect(cell: string): void;
}

const statusLabel = (labels: BoardLabels, status: string) => labels[`status${status[0]!.toUpperCase()}${status.slice(1)}` as keyof BoardLabels];

export function boardCellId(cell: string): string {
  return `board-cell-${cell.replace(/[^\w-]/g, '_')}`;
}

export const BoardGrid = memo(function BoardGrid({ store, rows, headings, filter, selected, labels, onSelect }: Props) {
  useSyncExternalStore(
    useCallback((fn) => (filter.onlyOpen ? store.subscribe('*', fn) : () => undefined), [store, filter.onlyOpen]),
    () => (filter.onlyOpen ? store.revision() : 0),
    () => 0,
  );
  const columns = headings.map((h, i) => ({ h, i })).filter((c) => filter.interval === null || c.i === filter.interval);
  const visibleRows = rows.filter((r) => {
    if (filter.aspect && r.aspectKey !== filter.aspect) return false;
    if (!filter.onlyDisagreements && !filter.onlyOpen) return true;
    return columns.some((c) => {
      const cell = store.cell(cellKey(r.key, c.i))!;
      return filter.onlyOpen ? isOpen(cell.status) : cell.status !== 'agreed' || cell.marks.some((m) => m !== cell.marks[0]);
    });
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = keys[e.key];
    if (!move) return;
    const r = visibleRows.findIndex((row) => selected.startsWith(`${row.key}@`));
    const c = columns.findIndex((col) => selected.endsWith(`@${col.i}`));
    const nr = visibleRows[Math.max(0, Math.min(visibleRows.length - 1, r + move[0]))];
    const nc = columns[Math.max(0, Math.min(columns.length - 1, c + move[1]))];
    if (!nr || !nc) return;
    e.preventDefault();
    const next = cellKey(nr.key, nc.i);
    onSelect(next);
    document.getElementById(boardCellId(next))?.focus();
  };
  return (
    <table className="board-grid" aria-label={labels.title} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col">{labels.behaviour}</th>
          {columns.map((c) => (
            <th scope="col" key={c.i}>
              {c.h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {visibleRows.map((r) => (
          <tr key={r.key} className={r.negative ? 'negative' : undefined}>
            <th scope="row">
              <code>{r.code}</code> {r.label}
              {r.negative && <span className="visually-hidden"> ({labels.negative})</span>}
            </th>
            {columns.map((c) => (
              <BoardCellView key={c.i} store={store} cell={cellKey(r.key, c.i)} label={r.label} heading={c.h} selected={selected === cellKey(r.key, c.i)} labels={labels} onSelect={onSelect} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

const BoardCellView = memo(function BoardCellView({ store, cell, label, heading, selected, labels, onSelect }: { store: BoardStore; cell: string; label: string; heading: string; selected: boolean; labels: BoardLabels; onSelect(cell: string): void }) {
  const view = useSyncExternalStore(
    useCallback((fn) => store.subscribe(cell, fn), [store, cell]),
    () => store.cell(cell)!,
    () => store.cell(cell)!,
  );
  const status = statusLabel(labels, view.status);
  const marks = view.marks.join(' | ');
  return (
    <td className={`board-cell ${view.status}${view.marks.some((m) => m !== view.marks[0]) ? ' disagree' : ''}${view.unclear ? ' unclear' : ''}`}>
      <button
        type="button"
        id={boardCellId(cell)}
        tabIndex={selected ? 0 : -1}
        aria-pressed={selected}
        onClick={() => onSelect(cell)}
      >
        <span className="ab">{marks}</span>
        {view.status !== 'agreed' && <span className="badge">{view.value ?? status}</span>}
        <span className="visually-hidden">{fill(labels.cellLabel, { behaviour: label, heading, a: view.marks[0] ?? 0, b: view.marks[1] ?? 0, status })}</span>
      </button>
    </td>
  );
});
