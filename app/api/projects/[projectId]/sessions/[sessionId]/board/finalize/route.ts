import { DomainError } from '@/lib/errors/domain-error';
import { realtimeHub, readDocState } from '@/lib/realtime/hub';
import { boardRoom, parseRoom } from '@/lib/realtime/room-access';
import { finalizeBoard } from '@/lib/reconciliation/finalize';
import { enforce } from '@/lib/policy/enforce';
import { decideBoardAccess } from '@/lib/policy/policy';
import { boardSubject, loadTallyContext } from '@/lib/tally/access';
import { api, json, projectActor } from '@/app/_server/api';

/**
 * POST: finalize the board. The room turns read-only first, so the state read next is the
 * last one: nothing written in between can be missing from the consensus list. If the board
 * is not ready after all (or the caller may not finalize), the room is thawed again.
 */
export const POST = api<{ projectId: string; sessionId: string }>(async (_req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  const room = parseRoom(boardRoom(sessionId));
  if (!tally || !room) throw new DomainError('not-found', 'error.notFound');
  // Only who may finalize may freeze the room, even for a moment.
  const decision = decideBoardAccess(ctx.actor, boardSubject(tally));
  enforce(decision);
  if (!decision.allowed || decision.mode !== 'write') throw new DomainError('conflict', 'board.readOnly');
  const hub = realtimeHub();
  await hub?.freezeRoom(room.docId);
  try {
    await finalizeBoard(ctx.d, ctx.actor, tally, await readDocState(room.docId));
  } catch (e) {
    await hub?.thawRoom(room.docId);
    throw e;
  }
  return json({ finalized: true });
});
