/*
 * The permission policy: the one place that answers "may this user do or see this?".
 * Pages, route handlers, server actions, exports, statistics and websocket rooms all ask
 * here. A non-member learns nothing (not even that a project exists: 404); a member
 * without the right gets 403.
 */
import type { Role } from './roles';

/** Who is asking, as seen from one project. `roles` is empty for a non-member. */
export interface Actor {
  userId: string;
  roles: readonly Role[];
}

export const PROJECT_ACTIONS = [
  'project.view',
  'project.edit',
  'members.view',
  'members.manage',
  'cases.view',
  'cases.manage',
  'sessions.view',
  'sessions.manage',
  'sessions.assign',
  'codebook.view',
  'codebook.edit',
  'progress.view',
  'statistics.view',
  'results.view',
  'review.view',
  'review.comment',
  'audit.view',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

const ALL: readonly Role[] = ['owner', 'coder', 'trainer', 'supervisor'];

/** Which roles grant each project-level action. */
const GRANTS: Record<ProjectAction, readonly Role[]> = {
  'project.view': ALL,
  'project.edit': ['owner'],
  'members.view': ALL,
  'members.manage': ['owner'],
  'cases.view': ALL,
  'cases.manage': ['owner'],
  'sessions.view': ALL,
  'sessions.manage': ['owner'],
  'sessions.assign': ['owner'],
  'codebook.view': ALL,
  'codebook.edit': ['owner', 'supervisor'],
  // Who has submitted (not what): fine for everyone in the project.
  'progress.view': ALL,
  // Only revealed sessions feed statistics (lib/statistics), so every member may read them.
  'statistics.view': ALL,
  // Results come from finalized consensus lists only, which are not blind.
  'results.view': ALL,
  // The review desk shows every coder's marks after reveal: the roles that may read them.
  'review.view': ['owner', 'supervisor'],
  'review.comment': ['owner', 'supervisor'],
  'audit.view': ['owner', 'supervisor'],
};

export type Decision = { allowed: true } | { allowed: false; status: 403 | 404 };

const ALLOW: Decision = { allowed: true };

export function isMember(actor: Actor): boolean {
  return actor.roles.length > 0;
}

export function decide(actor: Actor, action: ProjectAction): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  return actor.roles.some((r) => GRANTS[action].includes(r)) ? ALLOW : { allowed: false, status: 403 };
}

export function can(actor: Actor, action: ProjectAction): boolean {
  return decide(actor, action).allowed;
}

/** What is known about a coder's independent tally when someone asks to read it. */
export interface TallySubject {
  coderId: string;
  /** True once every assigned coder has submitted and the session was revealed. */
  revealed: boolean;
  /** The coders assigned to the tally's session. */
  assignedCoderIds: readonly string[];
}

/**
 * Reading a coder's marks, notes, moments or per-behaviour counts. Before reveal only the
 * coder; after reveal the session's coders and the project's supervisors and owners.
 * Nobody else, ever.
 */
export function decideTallyRead(actor: Actor, tally: TallySubject): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (actor.userId === tally.coderId) return ALLOW;
  if (!tally.revealed) return { allowed: false, status: 403 };
  if (tally.assignedCoderIds.includes(actor.userId) && actor.roles.includes('coder')) return ALLOW;
  if (actor.roles.includes('supervisor') || actor.roles.includes('owner')) return ALLOW;
  return { allowed: false, status: 403 };
}

/** Writing into a coder's own tally: only that coder, only while assigned and not submitted. */
export function decideTallyWrite(actor: Actor, tally: TallySubject & { submitted: boolean }): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (actor.userId !== tally.coderId || !tally.assignedCoderIds.includes(actor.userId) || !actor.roles.includes('coder')) {
    return { allowed: false, status: 403 };
  }
  return tally.submitted ? { allowed: false, status: 403 } : ALLOW;
}

/** What is known about a session's reconciliation board when someone asks to open it. */
export interface BoardSubject {
  status: 'coding' | 'revealed' | 'finalized';
  assignedCoderIds: readonly string[];
}

export type BoardDecision = { allowed: true; mode: 'write' | 'read' } | { allowed: false; status: 403 | 404 };

/**
 * Opening a session's reconciliation board (page or websocket room). Nobody, before reveal:
 * the board shows both tallies. After reveal the session's coders edit it, supervisors and
 * owners watch read-only; once finalized it is read-only for all of them.
 */
export function decideBoardAccess(actor: Actor, board: BoardSubject): BoardDecision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (board.status === 'coding') return { allowed: false, status: 403 };
  const coder = actor.roles.includes('coder') && board.assignedCoderIds.includes(actor.userId);
  const watcher = actor.roles.includes('supervisor') || actor.roles.includes('owner');
  if (!coder && !watcher) return { allowed: false, status: 403 };
  return { allowed: true, mode: coder && board.status === 'revealed' ? 'write' : 'read' };
}
