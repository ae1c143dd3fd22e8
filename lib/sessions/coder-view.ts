/*
 * What a member sees of a session's coders, after the policy's decideCoderListVisible: with
 * double-coding hidden, a coder sees only their own assignment (never the partner's name,
 * the number of coders or anyone's progress) until the session is revealed.
 */
import { decideCoderListVisible, type Actor } from '@/lib/policy/policy';
import type { AssignmentStatus, Session, SessionStatus } from './sessions';

export interface CoderView {
  /** Whether the member sees every assigned coder and their progress. */
  coderList: boolean;
  /** The assignments to show: all of them, or only the member's own (possibly none). */
  assignments: AssignmentStatus[];
  /**
   * The status to show. While the list is hidden, a session the member codes stays "coding"
   * for them (a single-coded session finalized at their submit shows as submitted, no more).
   */
  status: SessionStatus;
}

export function coderView(actor: Actor, hideDoubleCoding: boolean, session: Pick<Session, 'status' | 'purpose'>, assignments: readonly AssignmentStatus[]): CoderView {
  const coderList = decideCoderListVisible(actor, { hideDoubleCoding, status: session.status, coderCount: assignments.length, purpose: session.purpose });
  if (coderList) return { coderList, assignments: [...assignments], status: session.status };
  const own = assignments.filter((a) => a.coderId === actor.userId);
  return { coderList, assignments: own, status: own.length > 0 ? 'coding' : session.status };
}

/** coderView for each session of a list, by session id. */
export function coderViews(actor: Actor, hideDoubleCoding: boolean, sessions: readonly Session[], assignments: ReadonlyMap<string, readonly AssignmentStatus[]>): Map<string, CoderView> {
  return new Map(sessions.map((s) => [s.id, coderView(actor, hideDoubleCoding, s, assignments.get(s.id) ?? [])]));
}

/**
 * What a submit tells the submitting member: everything, unless double-coding is hidden from
 * them and the session did not reveal; then only `revealed: false` (a single-coded session
 * finalized at submit must look the same as a double-coded one waiting for its partner).
 */
export function submitAnswer(
  actor: Actor,
  hideDoubleCoding: boolean,
  session: Pick<Session, 'purpose'>,
  coderCount: number,
  result: { revealed: boolean; finalized: boolean },
): { revealed: boolean; finalized?: boolean } {
  const status: SessionStatus = result.revealed ? 'revealed' : result.finalized ? 'finalized' : 'coding';
  return decideCoderListVisible(actor, { hideDoubleCoding, status, coderCount, purpose: session.purpose }) ? result : { revealed: false };
}
