import { DomainError } from '@/lib/errors/domain-error';
import { decideRoomAccess, boardRoom, parseRoom } from '@/lib/realtime/room-access';
import { mintRealtimeToken } from '@/lib/realtime/token';
import { api, json, projectActor, readJson } from '@/app/_server/api';

/**
 * POST { projectId, sessionId }: a 60-second token for the session's board room, after the
 * board policy allowed the caller in. The websocket server checks the policy again on
 * connect. Answer: { token, room, mode, expiresAt, path } — connect the y-websocket client to
 * `path` (same origin, ws: or wss:) with room `room` and params { token }.
 */
export const POST = api<Record<string, never>>(async (req, base) => {
  const body = (await readJson(req, base.t, 4096)) as { projectId?: unknown; sessionId?: unknown } | null;
  const projectId = typeof body?.projectId === 'string' ? body.projectId : '';
  const sessionId = typeof body?.sessionId === 'string' ? body.sessionId : '';
  const room = parseRoom(boardRoom(sessionId));
  if (!projectId || !room) throw new DomainError('not-found', 'error.notFound');
  const ctx = await projectActor(base, projectId);
  const access = await decideRoomAccess(ctx.d, room, ctx.user.id);
  if (access.projectId !== projectId) throw new DomainError('not-found', 'error.notFound');
  if (!access.decision.allowed) {
    throw access.decision.status === 404 ? new DomainError('not-found', 'error.notFound') : new DomainError('forbidden', 'error.forbidden');
  }
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  const { token, expiresAt } = mintRealtimeToken(secret, { sub: ctx.user.id, room: room.docId, mode: access.decision.mode });
  return json({ token, room: room.docId, mode: access.decision.mode, expiresAt, path: '/realtime' });
});
