/*
 * Collects every disagreement cell of a project's revealed and finalized sessions, for the
 * review desk. Marks are read through the tally policy (readTally: after reveal, the
 * project's supervisors and owners may read them); a session still coded blind is never
 * read. Finalized sessions come from their rows (consensus_cells, board_archives), revealed
 * ones from their live board document.
 */
import * as Y from 'yjs';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { flattenBehaviours, type Codebook } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import type { Actor } from '@/lib/policy/policy';
import { readDocState } from '@/lib/realtime/hub';
import { boardRoom, parseRoom } from '@/lib/realtime/room-access';
import { BoardDoc } from '@/lib/reconciliation/board-doc';
import { listAssignments, listSessions, type Session } from '@/lib/sessions/sessions';
import { cellKey } from '@/lib/tally/model';
import { readTally } from '@/lib/tally/tallies';
import { enforceReview } from './access';
import { sessionDisagreements } from './extract';
import type { Disagreement, ReviewBehaviour } from './model';
import { listReviewNotes } from './notes';
import { archivedRecord, liveRecord, type ArchivedCell, type BoardRecord } from './record';

export interface CollectOptions {
  /** Only these sessions (e.g. the session page). */
  sessionIds?: readonly string[];
  /** Reads a board document's state; defaults to the realtime hub or the document store. */
  readDoc?: (docId: string) => Promise<Uint8Array>;
}

export interface ReviewData {
  items: Disagreement[];
  /** Revealed or finalized sessions that were read. */
  sessions: number;
}

export function reviewBehaviours(codebook: Codebook): ReviewBehaviour[] {
  return flattenBehaviours(codebook).map(({ behaviour, aspect }) => ({
    key: behaviour.key,
    code: behaviour.code,
    label: behaviour.label,
    polarity: behaviour.polarity,
    aspectKey: aspect.key,
    aspect: aspect.label,
  }));
}

export async function collectDisagreements(d: Database, actor: Actor, projectId: string, opts: CollectOptions = {}): Promise<ReviewData> {
  enforceReview(actor, 'view');
  const { t } = d;
  const sessions = (await listSessions(d, projectId)).filter(
    (s): s is Session & { status: 'revealed' | 'finalized'; codebookVersionId: string } =>
      s.status !== 'coding' && !!s.codebookVersionId && (!opts.sessionIds || opts.sessionIds.includes(s.id)),
  );
  if (sessions.length === 0) return { items: [], sessions: 0 };
  const ids = sessions.map((s) => s.id);
  const [times, assignments, notes, consensus, archives] = await Promise.all([
    d.db.select({ id: t.sessions.id, revealedAt: t.sessions.revealedAt, finalizedAt: t.sessions.finalizedAt }).from(t.sessions).where(inArray(t.sessions.id, ids)),
    listAssignments(d, ids),
    listReviewNotes(d, ids),
    d.db.select().from(t.consensusCells).where(inArray(t.consensusCells.sessionId, ids)),
    d.db.select().from(t.boardArchives).where(inArray(t.boardArchives.sessionId, ids)),
  ]);
  const timeOf = new Map(times.map((r) => [r.id, r]));
  const versions = new Map<string, Promise<Codebook | null>>();
  const codebookOf = (versionId: string) => {
    if (!versions.has(versionId)) versions.set(versionId, codebookVersionById(d, versionId).then((v) => v?.codebook ?? null));
    return versions.get(versionId)!;
  };
  const readDoc = opts.readDoc ?? readDocState;

  const items: Disagreement[] = [];
  let read = 0;
  for (const session of sessions) {
    const codebook = await codebookOf(session.codebookVersionId);
    const coders = (assignments.get(session.id) ?? []).filter((a) => a.submitted);
    if (!codebook || coders.length < 2) continue;
    const ctx = { session, codebook, showNames: false, assignments: assignments.get(session.id) ?? [] };
    const tallies = await Promise.all(coders.map((c) => readTally(d, actor, ctx, c.coderId)));
    const marked = tallies.map((tl) => new Set(tl.cells.filter((c) => c.value === 1).map((c) => cellKey(c.behaviourKey, c.interval))));
    const coderIds = coders.map((c) => c.coderId);
    let record: BoardRecord;
    if (session.status === 'finalized') {
      const cells = new Map<string, ArchivedCell>(consensus.filter((c) => c.sessionId === session.id).map((c) => [cellKey(c.behaviourKey, c.interval), c]));
      record = archivedRecord(cells, archives.find((a) => a.sessionId === session.id) ?? null);
    } else {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await readDoc(parseRoom(boardRoom(session.id))!.docId));
      record = liveRecord(new BoardDoc(doc), coderIds);
    }
    const time = timeOf.get(session.id);
    items.push(
      ...sessionDisagreements({
        session: { ...session, revealedAt: time?.revealedAt ?? null, finalizedAt: time?.finalizedAt ?? null },
        behaviours: reviewBehaviours(codebook),
        coders: coders.map((c) => ({ id: c.coderId, name: c.name })),
        marked,
        record,
        reviewComments: notes.comments.filter((c) => c.sessionId === session.id),
        reopenRequests: notes.requests.filter((r) => r.sessionId === session.id),
      }),
    );
    read++;
  }
  return { items, sessions: read };
}
