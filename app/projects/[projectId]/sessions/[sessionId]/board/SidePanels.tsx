'use client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { fill } from '@/lib/i18n/messages';
import type { BoardStore } from '@/lib/reconciliation/board-store';
import { canFinalize } from '@/lib/reconciliation/cells';
import type { BoardLabels } from './labels';
import type { BoardCoder, BoardScale } from './BoardWorkspace';

export interface PresenceState {
  user?: { id: string; name: string; color: string };
  cell?: string;
}

/** Who is on the board and which cell each is looking at. */
export function Presence({ awareness, describeCell, labels }: { awareness: Awareness | null; describeCell(cell: string): string; labels: BoardLabels }) {
  const [people, setPeople] = useState<PresenceState[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setPeople([...awareness.getStates().values()].map((s) => s as PresenceState).filter((s) => s.user));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return (
    <section className="presence" aria-label={labels.presence}>
      <h3 className="visually-hidden">{labels.presence}</h3>
      <ul className="plain">
        {people.map((p, i) => (
          <li key={`${p.user!.id}-${i}`}>
            <span className="dot" style={{ background: p.user!.color }} aria-hidden="true" /> {p.user!.name}
            {p.cell && <small className="muted"> — {fill(labels.looksAt, { cell: describeCell(p.cell) })}</small>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Global ratings: each coder's independent value and the value each signs on the board. */
export function RatingsBoard({ store, scales, coders, me, canWrite, labels }: { store: BoardStore; scales: BoardScale[]; coders: BoardCoder[]; me: { id: string; name: string }; canWrite: boolean; labels: BoardLabels }) {
  useSyncExternalStore(
    useCallback((fn) => store.subscribe('*', fn), [store]),
    () => store.revision(),
    () => 0,
  );
  if (scales.length === 0) return null;
  return (
    <section className="card ratings-board" aria-labelledby="ratings-board">
      <h3 id="ratings-board">{labels.ratings}</h3>
      <table className="data">
        <tbody>
          {scales.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
              {coders.map((c) => (
                <td key={c.id}>
                  {c.name}: {c.ratings[s.key] ?? '—'}
                  {store.board.ratingValues.has(`${s.key}|${c.id}`) && <> → {store.board.ratingValues.get(`${s.key}|${c.id}`) ?? '—'}</>}
                </td>
              ))}
              <td>
                <label>
                  <span className="visually-hidden">
                    {labels.settleRating}: {s.label}
                  </span>
                  <select
                    disabled={!canWrite}
                    value={String(store.board.ratingValues.get(`${s.key}|${me.id}`) ?? '')}
                    onChange={(e) => store.board.rate(s.key, me, e.target.value === '' ? null : Number(e.target.value))}
                  >
                    <option value="">{labels.settleRating}</option>
                    {Array.from({ length: s.max - s.min + 1 }, (_, i) => s.min + i).map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Sign-off and finalize: allowed when nothing is open, ratings are settled and every coder signed off. */
export function FinalizePanel({ store, coders, scales, me, canWrite, labels, onFinalize }: { store: BoardStore; coders: BoardCoder[]; scales: BoardScale[]; me: { id: string }; canWrite: boolean; labels: BoardLabels; onFinalize(): Promise<string | null> }) {
  useSyncExternalStore(
    useCallback((fn) => store.subscribe('*', fn), [store]),
    () => store.revision(),
    () => 0,
  );
  const [message, setMessage] = useState('');
  const board = store.board;
  const ratingsSettled = scales.every((s) => {
    const values = coders.map((c) => (board.ratingValues.has(`${s.key}|${c.id}`) ? board.ratingValues.get(`${s.key}|${c.id}`) : c.ratings[s.key] ?? null));
    return values.every((v) => v === values[0]);
  });
  const signed = coders.filter((c) => board.signoffs.has(c.id)).length;
  const ready = canFinalize(store.all().map((c) => c.status), ratingsSettled, signed, coders.length);
  return (
    <section className="card finalize" aria-labelledby="finalize-title">
      <h3 id="finalize-title">{labels.finalize}</h3>
      <p className="hint">{fill(labels.finalizeNeeds, { signed, coders: coders.length })}</p>
      <label className="check">
        <input type="checkbox" disabled={!canWrite} checked={board.signoffs.has(me.id)} onChange={(e) => board.signOff(me.id, e.target.checked)} /> {labels.signOff}
      </label>
      <button
        type="button"
        className="primary"
        disabled={!canWrite || !ready}
        onClick={async () => {
          if (!window.confirm(labels.finalizeConfirm)) return;
          setMessage((await onFinalize()) ?? '');
        }}
      >
        {labels.finalize}
      </button>
      <p role="alert" className="form-message error">
        {message}
      </p>
    </section>
  );
}
