'use client';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { fill } from '@/lib/i18n/messages';
import type { BoardStore } from '@/lib/reconciliation/board-store';
import type { Comment, HistoryEntry } from '@/lib/reconciliation/board-doc';
import type { Mark } from '@/lib/tally/model';
import type { BoardLabels } from './labels';
import { RationaleEditor } from './RationaleEditor';
import type { BoardCoder, BoardRow } from './BoardWorkspace';

/** Everything about the selected cell: definition, both coders' evidence, settling, rationale, thread, history. */
export function FocusPanel({
  store,
  cell,
  row,
  heading,
  coders,
  me,
  color,
  canWrite,
  provider,
  labels,
  onSeek,
}: {
  store: BoardStore;
  cell: string;
  row: BoardRow;
  heading: string;
  coders: BoardCoder[];
  me: { id: string; name: string };
  color: string;
  canWrite: boolean;
  provider: WebsocketProvider | null;
  labels: BoardLabels;
  onSeek(seconds: number): void;
}) {
  const view = useSyncExternalStore(
    useCallback((fn) => store.subscribe(cell, fn), [store, cell]),
    () => store.cell(cell)!,
    () => store.cell(cell)!,
  );
  const comments = useArray<Comment>(store, `comments:${cell}`);
  const history = useArray<HistoryEntry>(store, 'history').filter((h) => h.cell === cell);
  const [draft, setDraft] = useState('');
  const user = { id: me.id, name: me.name };
  const propose = (value: Mark | null) => store.board.propose(cell, user, value);
  return (
    <section className="focus-panel" aria-labelledby="focus-title">
      <h3 id="focus-title">
        <code>{row.code}</code> {row.label} · {heading}
      </h3>
      <details open>
        <summary>{labels.definition}</summary>
        <p>{row.definition}</p>
        {row.include && (
          <p>
            <strong>{labels.include}:</strong> {row.include}
          </p>
        )}
        {row.exclude && (
          <p>
            <strong>{labels.exclude}:</strong> {row.exclude}
          </p>
        )}
        {row.examples.length > 0 && (
          <p>
            <strong>{labels.examples}:</strong> {row.examples.join(' · ')}
          </p>
        )}
      </details>
      <ul className="coder-evidence">
        {coders.map((c, i) => (
          <li key={c.id}>
            <strong>
              {c.name}: {view.marks[i]}
            </strong>{' '}
            — {view.signatures[i] === undefined ? fill(labels.notSigned, { name: c.name }) : fill(labels.signedBy, { name: c.name, value: view.signatures[i]! })}
            {c.notes[cell] && <blockquote aria-label={fill(labels.coderNote, { name: c.name })}>{c.notes[cell]}</blockquote>}
            {(c.moments[cell] ?? []).length > 0 && (
              <span aria-label={fill(labels.moments, { name: c.name })}>
                {c.moments[cell]!.map((m) => (
                  <button key={m} type="button" className="link-button moment" onClick={() => onSeek(m)}>
                    {Math.floor(m / 60)}:{String(Math.floor(m % 60)).padStart(2, '0')}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className={`status-line ${view.status}`}>{labels[`status${view.status[0]!.toUpperCase()}${view.status.slice(1)}` as keyof BoardLabels]}</p>
      {canWrite && (
        <div className="row settle">
          {view.status === 'agreed' ? (
            <button type="button" className="secondary" onClick={() => store.board.reopen(cell, user)}>
              {labels.reopen}
            </button>
          ) : (
            <>
              <button type="button" className="primary" aria-pressed={view.signatures[coders.findIndex((c) => c.id === me.id)] === 1} onClick={() => propose(1)}>
                {labels.settle1}
              </button>
              <button type="button" className="primary" aria-pressed={view.signatures[coders.findIndex((c) => c.id === me.id)] === 0} onClick={() => propose(0)}>
                {labels.settle0}
              </button>
              <button type="button" className="link-button" onClick={() => propose(null)}>
                {labels.withdraw}
              </button>
            </>
          )}
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={store.board.isUnclear(cell, me.id)} disabled={!canWrite} onChange={(e) => store.board.setUnclear(cell, user, e.target.checked)} /> {labels.unclear}
        {view.unclear && !store.board.isUnclear(cell, me.id) && ' ⚑'}
      </label>
      <h4>{labels.rationale}</h4>
      <RationaleEditor key={cell} fragment={store.board.rationale(cell)} provider={provider} user={{ name: me.name, color }} readOnly={!canWrite} label={`${labels.rationale}: ${row.label} · ${heading}`} hint={labels.rationaleHint} />
      <h4>{labels.comments}</h4>
      <ul className="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> <time dateTime={new Date(c.at).toISOString()}>{new Date(c.at).toLocaleTimeString()}</time>: {c.text}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            store.board.addComment(cell, user, draft);
            setDraft('');
          }}
        >
          <label className="visually-hidden" htmlFor="comment-draft">
            {labels.addComment}
          </label>
          <input id="comment-draft" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={labels.addComment} maxLength={1000} />
          <button type="submit" className="secondary">
            {labels.send}
          </button>
        </form>
      )}
      <details>
        <summary>{labels.history}</summary>
        {history.length === 0 ? (
          <p className="hint">{labels.noHistory}</p>
        ) : (
          <ol className="history">
            {history.map((h, i) => (
              <li key={i}>
                <time dateTime={new Date(h.at).toISOString()}>{new Date(h.at).toLocaleString()}</time> {h.name}: {h.action}
                {h.value !== undefined && h.value !== null ? ` ${h.value}` : ''}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}

/** A top-level Y.Array of the board as React state. */
function useArray<T>(store: BoardStore, name: string): T[] {
  const array = store.board.doc.getArray<T>(name);
  const subscribe = useCallback(
    (fn: () => void) => {
      array.observe(fn);
      return () => array.unobserve(fn);
    },
    [array],
  );
  const snapshot = useCallback(() => cache(array), [array]);
  return useSyncExternalStore(subscribe, snapshot, snapshot) as T[];
}

const snapshots = new WeakMap<object, { length: number; value: unknown[] }>();
function cache(array: { length: number; toArray(): unknown[] }): unknown[] {
  const hit = snapshots.get(array);
  if (hit && hit.length === array.length) return hit.value;
  const value = array.toArray();
  snapshots.set(array, { length: array.length, value });
  return value;
}
