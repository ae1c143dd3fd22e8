'use client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { TallyStore } from '@/lib/tally/client-store';
import { cellKey, type CellState } from '@/lib/tally/model';
import type { TallyLabels } from './labels';
import type { GridRow } from './TallyWorkspace';

/** The focused cell: the behaviour's definition, the coder's private note and moments. */
export function CellPanel({
  store,
  row,
  col,
  heading,
  readOnly,
  labels,
  onEdit,
  onSeek,
}: {
  store: TallyStore;
  row: GridRow;
  col: number;
  heading: string;
  readOnly: boolean;
  labels: TallyLabels;
  onEdit(patch: Partial<Pick<CellState, 'note' | 'moments'>>): void;
  onSeek(seconds: number): void;
}) {
  const key = cellKey(row.key, col);
  const cell = useSyncExternalStore(
    useCallback((fn) => store.subscribe(key, fn), [store, key]),
    () => store.cell(row.key, col),
    () => store.cell(row.key, col),
  );
  const [note, setNote] = useState(cell.note);
  useEffect(() => setNote(cell.note), [cell.note, key]);
  return (
    <section className="cell-panel" aria-labelledby="cell-panel-title">
      <h3 id="cell-panel-title">
        <code>{row.code}</code> {row.label} · {heading}
      </h3>
      <p className="state">{cell.value ? labels.marked : labels.notMarked}</p>
      {row.definition && <p className="definition">{row.definition}</p>}
      <label htmlFor="cell-note">{labels.note}</label>
      <textarea
        id="cell-note"
        rows={3}
        value={note}
        readOnly={readOnly}
        aria-describedby="cell-note-hint"
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => note !== cell.note && onEdit({ note })}
      />
      <small id="cell-note-hint" className="hint">
        {labels.notePrivate}
      </small>
      <h4>{labels.moments}</h4>
      {cell.moments.length === 0 ? (
        <p className="hint">{labels.noMoments}</p>
      ) : (
        <ul className="moments">
          {cell.moments.map((m, i) => (
            <li key={`${m}-${i}`}>
              <button type="button" className="link-button" onClick={() => onSeek(m)}>
                {formatTime(m)}
              </button>
              {!readOnly && (
                <button type="button" className="link-button" aria-label={`${labels.removeMoment} ${formatTime(m)}`} onClick={() => onEdit({ moments: cell.moments.filter((_, j) => j !== i) })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function formatTime(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
