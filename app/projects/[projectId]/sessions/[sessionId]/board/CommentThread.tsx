'use client';
/*
 * A cell's comment thread on a board document (`comments:<cell>`), live: the reconciliation
 * board and a calibration round's group discussion both use it.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { BoardDoc } from '@/lib/reconciliation/board-doc';

export interface ThreadLabels {
  comments: string;
  addComment: string;
  send: string;
}

export function CommentThread({ board, cell, me, canWrite, labels }: { board: BoardDoc; cell: string; me: { id: string; name: string }; canWrite: boolean; labels: ThreadLabels }) {
  const comments = useYArray(board.comments(cell));
  const [draft, setDraft] = useState('');
  return (
    <>
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
            board.addComment(cell, me, draft);
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
    </>
  );
}

/** A Y.Array as React state; the snapshot is cached per length so renders stay stable. */
export function useYArray<T>(array: Y.Array<T>): T[] {
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
