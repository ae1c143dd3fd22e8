'use client';
/*
 * The group's discussion of a revealed round, live: per cell the same comment thread and
 * rationale editor as the reconciliation board, on the round session's board document.
 * A cell is chosen by the "Discuss" links of the group board (`#discuss=<cell>`), so the
 * server-rendered table stays as it is and the connection stays open while moving on.
 */
import { useEffect, useMemo, useState } from 'react';
import { BoardDoc } from '@/lib/reconciliation/board-doc';
import { CommentThread } from '@/app/projects/[projectId]/sessions/[sessionId]/board/CommentThread';
import { RationaleEditor } from '@/app/projects/[projectId]/sessions/[sessionId]/board/RationaleEditor';
import { useBoardConnection } from '@/app/projects/[projectId]/sessions/[sessionId]/board/useBoardConnection';

export interface DiscussionLabels {
  title: string;
  choose: string;
  rationale: string;
  rationaleHint: string;
  comments: string;
  addComment: string;
  send: string;
  stateSaved: string;
  stateSaving: string;
  stateOffline: string;
  stateRefused: string;
}

const PREFIX = '#discuss=';

export function GroupDiscussion({ projectId, sessionId, me, canWrite, cells, labels }: { projectId: string; sessionId: string; me: { id: string; name: string }; canWrite: boolean; cells: Record<string, string>; labels: DiscussionLabels }) {
  const connection = useBoardConnection(projectId, sessionId);
  const board = useMemo(() => new BoardDoc(connection.doc), [connection.doc]);
  const [cell, setCell] = useState<string | null>(null);
  useEffect(() => {
    const read = () => {
      const hash = decodeURIComponent(window.location.hash);
      const key = hash.startsWith(PREFIX) ? hash.slice(PREFIX.length) : null;
      setCell(key && key in cells ? key : null);
      if (key && key in cells) document.getElementById('discussion')?.focus();
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [cells]);
  const writable = canWrite && connection.state !== 'refused';
  const state = connection.state === 'connecting' ? 'saving' : connection.state;
  const stateLabel = { saved: labels.stateSaved, saving: labels.stateSaving, offline: labels.stateOffline, refused: labels.stateRefused }[state];
  return (
    <section id="discussion" tabIndex={-1} className="card focus-panel" aria-labelledby="discussion-title">
      <h3 id="discussion-title">{labels.title}</h3>
      <p className={`save-state ${state}`} role="status" aria-live="polite" data-state={state}>
        {stateLabel}
      </p>
      {!cell || !connection.ready ? (
        <p className="hint">{labels.choose}</p>
      ) : (
        <>
          <h4>{cells[cell]}</h4>
          <h4>{labels.rationale}</h4>
          <RationaleEditor key={cell} fragment={board.rationale(cell)} provider={connection.provider} user={{ name: me.name, color: '#3b6ea5' }} readOnly={!writable} label={`${labels.rationale}: ${cells[cell]}`} hint={labels.rationaleHint} />
          <CommentThread board={board} cell={cell} me={me} canWrite={writable} labels={labels} />
        </>
      )}
    </section>
  );
}
