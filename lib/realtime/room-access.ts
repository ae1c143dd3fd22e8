/*
 * Which realtime rooms exist and who may join them. A room name grants nothing by itself:
 * every join asks the board policy (lib/policy) against the database, by session id alone
 * (the websocket URL carries no project), and so does the token route before minting.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { decideBoardAccess, type BoardDecision } from '@/lib/policy/policy';
import { actorIn } from '@/lib/projects/projects';
import type { SessionStatus } from '@/lib/sessions/sessions';
import { asPurpose } from '@/lib/sessions/purpose';

export type RoomRef = { kind: 'board'; sessionId: string; docId: string };

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The document id of a session's reconciliation board. */
export function boardRoom(sessionId: string): string {
  return `board:${sessionId}`;
}

/** Parses a room name ("board:<sessionId>"); null for anything else. */
export function parseRoom(name: string): RoomRef | null {
  const m = /^board:(.+)$/.exec(name);
  if (!m || !SESSION_ID.test(m[1]!)) return null;
  return { kind: 'board', sessionId: m[1]!, docId: name };
}

export interface RoomAccess {
  decision: BoardDecision;
  /** The session's project, or null when the session does not exist. */
  projectId: string | null;
}

const NOT_FOUND: RoomAccess = { decision: { allowed: false, status: 404 }, projectId: null };

/** The board policy's answer for `userId` on the session's board, from the database. */
export async function decideRoomAccess(d: Database, room: RoomRef, userId: string): Promise<RoomAccess> {
  const { t } = d;
  const [session] = await d.db.select({ projectId: t.sessions.projectId, status: t.sessions.status, purpose: t.sessions.purpose }).from(t.sessions).where(eq(t.sessions.id, room.sessionId));
  if (!session) return NOT_FOUND;
  const [actor, assigned] = await Promise.all([
    actorIn(d, session.projectId, userId),
    d.db.select({ coderId: t.assignments.coderId }).from(t.assignments).where(eq(t.assignments.sessionId, room.sessionId)),
  ]);
  const decision = decideBoardAccess(actor, { status: session.status as SessionStatus, purpose: asPurpose(session.purpose), assignedCoderIds: assigned.map((a) => a.coderId) });
  return { decision, projectId: session.projectId };
}
