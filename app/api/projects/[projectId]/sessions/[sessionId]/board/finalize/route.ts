import { DomainError } from '@/lib/errors/domain-error';
import { realtimeHub, readDocState } from '@/lib/realtime/hub';
import { boardRoom, parseRoom } from '@/lib/realtime/room-access';
import { finalizeBoard } from '@/lib/reconciliation/finalize';
import { loadTallyContext } from '@/lib/tally/access';
import { api, json, projectActor } from '@/app/_server/api';

/**
 * POST: finalize the board — its current state (read from the realtime server) becomes the
 * session's consensus list, then every connection of the room turns read-only.
 */
export const POST = api<{ projectId: string; sessionId: string }>(async (_req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  const room = parseRoom(boardRoom(sessionId));
  if (!tally || !room) throw new DomainError('not-found', 'error.notFound');
  await finalizeBoard(ctx.d, ctx.actor, tally, await readDocState(room.docId));
  await realtimeHub()?.freezeRoom(room.docId);
  return json({ finalized: true });
});
