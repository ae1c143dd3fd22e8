'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { fill } from '@/lib/i18n/messages';
import type { BoardStore } from '@/lib/reconciliation/board-store';
import type { Mark } from '@/lib/tally/model';
import type { BoardLabels } from './labels';
import { RationaleEditor } from './RationaleEditor';
import { CommentThread, useYArray } from './CommentThread';
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
  const history = useYArray(store.board.history).filter((h) => h.cell === cell);
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
      <CommentThread board={store.board} cell={cell} me={user} canWrite={canWrite} labels={labels} />
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
