/*
 * The permission policy: the one place that answers "may this user do or see this?".
 * Pages, route handlers, server actions, exports, statistics and websocket rooms all ask
 * here. A non-member learns nothing (not even that a project exists: 404); a member
 * without the right gets 403.
 */
import type { Role } from './roles';
import type { SessionPurpose } from '@/lib/sessions/purpose';

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
  'calibration.view',
  'calibration.manage',
  'drift.view',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Every role of the research team; trainees are not part of it and see only their training. */
const TEAM: readonly Role[] = ['owner', 'coder', 'trainer', 'supervisor'];
const EVERYONE: readonly Role[] = [...TEAM, 'trainee'];

/** Which roles grant each project-level action. */
const GRANTS: Record<ProjectAction, readonly Role[]> = {
  'project.view': EVERYONE,
  'project.edit': ['owner'],
  'members.view': TEAM,
  'members.manage': ['owner'],
  'cases.view': TEAM,
  'cases.manage': ['owner'],
  'sessions.view': TEAM,
  'sessions.manage': ['owner'],
  'sessions.assign': ['owner'],
  'codebook.view': EVERYONE,
  'codebook.edit': ['owner', 'supervisor'],
  // Who has submitted (not what): fine for everyone in the project.
  'progress.view': TEAM,
  // Only revealed sessions feed statistics (lib/statistics), so every member may read them.
  'statistics.view': TEAM,
  // Results come from finalized consensus lists only, which are not blind.
  'results.view': TEAM,
  // The review desk shows every coder's marks after reveal: the roles that may read them.
  'review.view': ['owner', 'supervisor'],
  'review.comment': ['owner', 'supervisor'],
  'audit.view': ['owner', 'supervisor'],
  // The calibration page: what each member sees of a round is decided by decideRoundView.
  'calibration.view': EVERYONE,
  // Calibration recordings, gold standards, rounds, reveal and the project's criteria.
  'calibration.manage': ['owner', 'trainer'],
  // Every research coder's agreement over time; a coder sees their own (decideDriftRead).
  'drift.view': ['owner', 'trainer', 'supervisor'],
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
  /** True once the session was revealed (every coder submitted, or the trainer revealed a round). */
  revealed: boolean;
  /** The coders (or trainees) assigned to the tally's session. */
  assignedCoderIds: readonly string[];
  purpose: SessionPurpose;
  /** Calibration rounds: the trainer lets trainees see each other's marks by name after reveal. */
  showNames?: boolean;
}

const has = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** The roles that may tally a session of this purpose when assigned to it. */
export const TALLYING_ROLES: Record<SessionPurpose, readonly Role[]> = {
  research: ['coder'],
  // A trainer settles a gold standard by coding the recording, alone or with a coder.
  gold: ['coder', 'trainer'],
  calibration: ['trainee', 'coder'],
};

/**
 * Reading a coder's marks, notes, moments or per-behaviour counts. Before reveal only the
 * coder, whatever the purpose. After reveal:
 * - research and gold sessions: the session's coders, supervisors and owners (and, for a
 *   gold recording, trainers);
 * - calibration rounds: trainers, owners and supervisors; a fellow trainee only when the
 *   trainer chose to show names (otherwise trainees see the group's spread, never a tally).
 * Nobody else, ever.
 */
export function decideTallyRead(actor: Actor, tally: TallySubject): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (actor.userId === tally.coderId) return ALLOW;
  if (!tally.revealed) return { allowed: false, status: 403 };
  const assigned = tally.assignedCoderIds.includes(actor.userId) && has(actor, ...TALLYING_ROLES[tally.purpose]);
  if (tally.purpose === 'calibration') {
    if (has(actor, 'trainer', 'owner', 'supervisor')) return ALLOW;
    return assigned && tally.showNames ? ALLOW : { allowed: false, status: 403 };
  }
  if (assigned || has(actor, 'supervisor', 'owner')) return ALLOW;
  if (tally.purpose === 'gold' && has(actor, 'trainer')) return ALLOW;
  return { allowed: false, status: 403 };
}

/**
 * Writing into a coder's own tally: only that coder, only while assigned in a role that
 * tallies this kind of session, before submitting and before reveal.
 */
export function decideTallyWrite(actor: Actor, tally: TallySubject & { submitted: boolean }): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (actor.userId !== tally.coderId || !tally.assignedCoderIds.includes(actor.userId) || !has(actor, ...TALLYING_ROLES[tally.purpose])) {
    return { allowed: false, status: 403 };
  }
  return tally.submitted || tally.revealed ? { allowed: false, status: 403 } : ALLOW;
}

/** What is known about a session's reconciliation board when someone asks to open it. */
export interface BoardSubject {
  status: 'coding' | 'revealed' | 'finalized';
  assignedCoderIds: readonly string[];
  purpose: SessionPurpose;
}

export type BoardDecision = { allowed: true; mode: 'write' | 'read' } | { allowed: false; status: 403 | 404 };

/**
 * Opening a session's reconciliation board (page or websocket room). Nobody, before reveal:
 * the board shows both tallies. After reveal the session's coders edit it, supervisors and
 * owners watch read-only (trainers too, on a gold recording); once finalized it is read-only
 * for all of them. A revealed calibration round's board is the group's discussion (comment
 * threads and rationales per cell): the trainer, owners and the round's trainees write in
 * it, supervisors read.
 */
export function decideBoardAccess(actor: Actor, board: BoardSubject): BoardDecision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  if (board.status === 'coding') return { allowed: false, status: 403 };
  const assigned = has(actor, ...TALLYING_ROLES[board.purpose]) && board.assignedCoderIds.includes(actor.userId);
  if (board.purpose === 'calibration') {
    if (assigned || has(actor, 'trainer', 'owner')) return { allowed: true, mode: 'write' };
    return has(actor, 'supervisor') ? { allowed: true, mode: 'read' } : { allowed: false, status: 403 };
  }
  const watcher = has(actor, 'supervisor', 'owner') || (board.purpose === 'gold' && has(actor, 'trainer'));
  if (!assigned && !watcher) return { allowed: false, status: 403 };
  return { allowed: true, mode: assigned && board.status === 'revealed' ? 'write' : 'read' };
}

/** What is known about a calibration round when someone opens it. */
export interface RoundSubject {
  revealed: boolean;
  assignedCoderIds: readonly string[];
  showGold: boolean;
  showNames: boolean;
}

/** What a member sees of a calibration round. */
export interface RoundView {
  /** Who has submitted (never what). */
  progress: boolean;
  /** Per cell how many trainees marked it, and the group's coefficients. */
  spread: boolean;
  /** The gold standard's marks. */
  gold: boolean;
  /** Every trainee's figures and marks by name. */
  everyone: boolean;
  /** The actor's own agreement with gold. */
  own: boolean;
}

export type RoundDecision = { allowed: true; view: RoundView } | { allowed: false; status: 403 | 404 };

/**
 * A calibration round: trainers and owners run it and see everything once revealed (the gold
 * at any time); supervisors see it after reveal. A trainee of the round sees progress, after
 * reveal the spread and their own figures; the gold and the others by name only when the
 * trainer chose so. Members outside the round see nothing of it.
 */
export function decideRoundView(actor: Actor, round: RoundSubject): RoundDecision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  const r = round.revealed;
  if (has(actor, 'trainer', 'owner')) return { allowed: true, view: { progress: true, spread: r, gold: true, everyone: r, own: false } };
  if (has(actor, 'supervisor')) return { allowed: true, view: { progress: true, spread: r, gold: r, everyone: r, own: false } };
  if (round.assignedCoderIds.includes(actor.userId) && has(actor, ...TALLYING_ROLES.calibration)) {
    return { allowed: true, view: { progress: true, spread: r, gold: r && round.showGold, everyone: r && round.showNames, own: r } };
  }
  return { allowed: false, status: 403 };
}

/** A research coder's drift (agreement over time): the coder themself, or who may view drift. */
export function decideDriftRead(actor: Actor, coderId: string): Decision {
  if (!isMember(actor)) return { allowed: false, status: 404 };
  return actor.userId === coderId || decide(actor, 'drift.view').allowed ? ALLOW : { allowed: false, status: 403 };
}

/** What is known about a session when a member's view of its coders is decided. */
export interface CoderListSubject {
  /** The project's setting: coders are not told which sessions are double-coded. */
  hideDoubleCoding: boolean;
  status: 'coding' | 'revealed' | 'finalized';
  /** How many coders are assigned. */
  coderCount: number;
  purpose: SessionPurpose;
}

/**
 * May this member see who else codes a session: the other coders' names, their number and
 * their submit progress? Yes, unless the project hides double-coding and the member is only a
 * coder (no owner, supervisor or trainer role) and the research session has not been revealed:
 * while coding, or when a single-coded session was finalized at submit (it never reveals, so
 * its coder sees "submitted" only). A double-coded session past reveal shows as usual.
 */
export function decideCoderListVisible(actor: Actor, session: CoderListSubject): boolean {
  if (!isMember(actor)) return false;
  if (!session.hideDoubleCoding || session.purpose !== 'research' || has(actor, 'owner', 'supervisor', 'trainer')) return true;
  if (session.status === 'revealed') return true;
  return session.status === 'finalized' && session.coderCount >= 2;
}
