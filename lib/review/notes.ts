/*
 * Notes on settled cells after the fact: a supervisor's comment (visible to the session's
 * coders), and a request to reopen a settled cell, which one of the session's coders
 * accepts or declines. An accepted request is re-settled by the coders: one proposes a new
 * mark with a rationale (a later proposal by either replaces it), the other confirms, and
 * only then, in one audited transaction, the cell's consensus row changes. With a single
 * coder on the session the proposal settles at once.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { findBehaviour } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { intervalsOf } from '@/lib/sessions/intervals';
import type { Mark } from '@/lib/tally/model';
import { parseInput, text } from '@/lib/validation/parse';
import { enforceReview } from './access';
import { parseCell, type ReopenRequest, type ReopenStatus, type ReviewComment } from './model';

export const MAX_NOTE_LENGTH = 2000;

async function userNames(d: Database, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await d.db.select({ id: d.t.users.id, name: d.t.users.name }).from(d.t.users).where(inArray(d.t.users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const asMark = (v: number | null): Mark | null => (v === null ? null : v === 1 ? 1 : 0);

/** Every supervisor comment and reopen request on the given sessions, oldest first. */
export async function listReviewNotes(d: Database, sessionIds: readonly string[]): Promise<{ comments: ReviewComment[]; requests: ReopenRequest[] }> {
  if (sessionIds.length === 0) return { comments: [], requests: [] };
  const { t } = d;
  const [comments, requests] = await Promise.all([
    d.db.select().from(t.reviewComments).where(inArray(t.reviewComments.sessionId, [...sessionIds])).orderBy(asc(t.reviewComments.at)),
    d.db.select().from(t.reopenRequests).where(inArray(t.reopenRequests.sessionId, [...sessionIds])).orderBy(asc(t.reopenRequests.at)),
  ]);
  const names = await userNames(d, [...comments.map((c) => c.authorId), ...requests.flatMap((r) => [r.requestedBy, r.decidedBy ?? '', r.resettleProposedBy ?? ''])].filter(Boolean));
  return {
    comments: comments.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? '' })),
    requests: requests.map((r) => ({
      ...r,
      status: r.status as ReopenStatus,
      requesterName: names.get(r.requestedBy) ?? '',
      deciderName: r.decidedBy ? (names.get(r.decidedBy) ?? '') : null,
      resettleValue: asMark(r.resettleValue),
      proposerName: r.resettleProposedBy ? (names.get(r.resettleProposedBy) ?? '') : null,
      resettledFrom: asMark(r.resettledFrom),
    })),
  };
}

/** A settled cell of a finalized session of the project; otherwise a refusal. */
async function settledCell(d: Database, projectId: string, sessionId: string, cell: string): Promise<void> {
  const { t } = d;
  const [row] = await d.db
    .select({ projectId: t.sessions.projectId, status: t.sessions.status, versionId: t.sessions.codebookVersionId, duration: t.sessions.durationSeconds, interval: t.sessions.intervalSeconds })
    .from(t.sessions)
    .where(eq(t.sessions.id, sessionId));
  if (!row || row.projectId !== projectId || !row.versionId) throw new DomainError('not-found', 'error.notFound');
  if (row.status !== 'finalized') throw new DomainError('conflict', 'review.notSettled');
  const parsed = parseCell(cell);
  const version = await codebookVersionById(d, row.versionId);
  if (!parsed || !version || !findBehaviour(version.codebook, parsed.behaviourKey) || parsed.interval >= intervalsOf(row.duration, row.interval).length) {
    throw new DomainError('not-found', 'error.notFound');
  }
}

const noteInput = z.object({ sessionId: z.string().min(1).max(64), cell: z.string().min(1).max(140), text: text(MAX_NOTE_LENGTH) });

/** A supervisor's comment on a settled cell. */
export async function addReviewComment(d: Database, actor: Actor, projectId: string, input: unknown): Promise<ReviewComment> {
  enforceReview(actor, 'comment');
  const data = parseInput(noteInput, input);
  await settledCell(d, projectId, data.sessionId, data.cell);
  const row = { id: randomUUID(), sessionId: data.sessionId, cell: data.cell, authorId: actor.userId, text: data.text, at: new Date() };
  await d.transaction((tx) => tx.insert(d.t.reviewComments).values(row));
  return { ...row, authorName: (await userNames(d, [actor.userId])).get(actor.userId) ?? '' };
}

/** Asks the session's coders to reopen a settled cell; one open request per cell at a time. Audited. */
export async function requestReopen(d: Database, actor: Actor, projectId: string, input: unknown): Promise<string> {
  enforceReview(actor, 'comment');
  const data = parseInput(noteInput, input);
  await settledCell(d, projectId, data.sessionId, data.cell);
  const { t } = d;
  const id = randomUUID();
  await d.transaction(async (tx) => {
    // Lock the session row: two requests for the same cell at once must not both pass the check.
    await tx.update(t.sessions).set({ status: sql`${t.sessions.status}` }).where(eq(t.sessions.id, data.sessionId));
    const pending = await tx
      .select({ id: t.reopenRequests.id })
      .from(t.reopenRequests)
      .where(and(eq(t.reopenRequests.sessionId, data.sessionId), eq(t.reopenRequests.cell, data.cell), eq(t.reopenRequests.status, 'pending')));
    if (pending.length > 0) throw new DomainError('conflict', 'review.reopenPending');
    await tx.insert(t.reopenRequests).values({ id, sessionId: data.sessionId, cell: data.cell, requestedBy: actor.userId, reason: data.text, status: 'pending', at: new Date() });
    await recordAudit(tx, t, { projectId, actorId: actor.userId, kind: 'review.reopen-requested', subject: data.sessionId, detail: { cell: data.cell, request: id } });
  });
  return id;
}

/**
 * A reopen request of the project, for one of its session's assigned coders (role coder):
 * only they decide on it and re-settle it. Otherwise a refusal (404 for a non-member).
 */
async function requestForCoder(d: Database, actor: Actor, projectId: string, requestId: string): Promise<{ sessionId: string; cell: string; sessionStatus: string }> {
  const { t } = d;
  const [request] = await d.db
    .select({ sessionId: t.reopenRequests.sessionId, cell: t.reopenRequests.cell, projectId: t.sessions.projectId, sessionStatus: t.sessions.status })
    .from(t.reopenRequests)
    .innerJoin(t.sessions, eq(t.sessions.id, t.reopenRequests.sessionId))
    .where(eq(t.reopenRequests.id, requestId));
  if (!request || request.projectId !== projectId || actor.roles.length === 0) throw new DomainError('not-found', 'error.notFound');
  const [assigned] = await d.db
    .select({ coderId: t.assignments.coderId })
    .from(t.assignments)
    .where(and(eq(t.assignments.sessionId, request.sessionId), eq(t.assignments.coderId, actor.userId)));
  if (!assigned || !actor.roles.includes('coder')) throw new DomainError('forbidden', 'error.forbidden');
  return request;
}

/**
 * One of the session's coders accepts or declines a pending request. Accepting does not yet
 * touch the finalized consensus list: the decision is recorded and audited, and the coders
 * then re-settle the cell (proposeResettle, confirmResettle).
 */
export async function decideReopen(d: Database, actor: Actor, projectId: string, requestId: string, accept: boolean): Promise<void> {
  const { t } = d;
  const request = await requestForCoder(d, actor, projectId, requestId);
  const status = accept ? 'accepted' : 'declined';
  await d.transaction(async (tx) => {
    const decided = await tx
      .update(t.reopenRequests)
      .set({ status, decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(t.reopenRequests.id, requestId), eq(t.reopenRequests.status, 'pending')))
      .returning({ id: t.reopenRequests.id });
    if (decided.length === 0) throw new DomainError('conflict', 'review.alreadyDecided');
    await recordAudit(tx, t, {
      projectId,
      actorId: actor.userId,
      kind: accept ? 'review.reopen-accepted' : 'review.reopen-declined',
      subject: request.sessionId,
      detail: { cell: request.cell, request: requestId, ...(accept ? { note: 'reopened: the coders re-settle the cell' } : {}) },
    });
  });
}

const resettleInput = z.object({
  value: z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')], { error: 'review.chooseMark' }).transform((v): Mark => (Number(v) === 1 ? 1 : 0)),
  rationale: text(MAX_NOTE_LENGTH),
});

/** Why a request cannot be proposed on or confirmed, read inside the refused transaction. */
async function resettleRefusal(tx: Db, t: Database['t'], requestId: string, actorId?: string): Promise<DomainError> {
  const [row] = await tx.select({ status: t.reopenRequests.status, proposedBy: t.reopenRequests.resettleProposedBy }).from(t.reopenRequests).where(eq(t.reopenRequests.id, requestId));
  switch (row?.status) {
    case 'resettled':
      return new DomainError('conflict', 'review.alreadyResettled');
    case 'accepted':
      return new DomainError('conflict', 'review.nothingProposed');
    case 'proposed':
      return actorId && row.proposedBy !== actorId ? new DomainError('conflict', 'review.proposalChanged') : new DomainError('forbidden', 'review.ownProposal');
    default:
      return new DomainError('conflict', 'review.resettleNotAccepted');
  }
}

/** Writes the new mark and rationale into the cell's consensus row and audits the change. Inside the settling transaction. */
async function applyResettle(tx: Db, t: Database['t'], projectId: string, actorId: string, requestId: string, request: { sessionId: string; cell: string }, to: { value: Mark; rationale: string }): Promise<void> {
  const parsed = parseCell(request.cell);
  if (!parsed) throw new DomainError('not-found', 'error.notFound');
  const cell = and(eq(t.consensusCells.sessionId, request.sessionId), eq(t.consensusCells.behaviourKey, parsed.behaviourKey), eq(t.consensusCells.interval, parsed.interval));
  // Lock the row first: of two requests on the same cell settling at once, the later reads the earlier's mark as its `from`.
  await tx.update(t.consensusCells).set({ value: sql`${t.consensusCells.value}` }).where(cell);
  const [current] = await tx.select({ value: t.consensusCells.value }).from(t.consensusCells).where(cell);
  const from = asMark(current?.value ?? 0)!;
  if (current) await tx.update(t.consensusCells).set({ value: to.value, rationale: to.rationale }).where(cell);
  else await tx.insert(t.consensusCells).values({ sessionId: request.sessionId, behaviourKey: parsed.behaviourKey, interval: parsed.interval, value: to.value, rationale: to.rationale });
  await tx.update(t.reopenRequests).set({ resettledFrom: from }).where(eq(t.reopenRequests.id, requestId));
  await recordAudit(tx, t, { projectId, actorId, kind: 'review.cell-resettled', subject: request.sessionId, detail: { cell: request.cell, request: requestId, from, to: to.value } });
}

/**
 * A coder of the session proposes a new mark for an accepted request's cell, with a
 * rationale; a later proposal by either coder replaces it. With a single coder on the
 * session the proposal settles at once. Returns the request's new status.
 */
export async function proposeResettle(d: Database, actor: Actor, projectId: string, requestId: string, input: unknown): Promise<'proposed' | 'resettled'> {
  const request = await requestForCoder(d, actor, projectId, requestId);
  const data = parseInput(resettleInput, input);
  if (request.sessionStatus !== 'finalized') throw new DomainError('conflict', 'review.notSettled');
  const { t } = d;
  const coders = await d.db.select({ coderId: t.assignments.coderId }).from(t.assignments).where(eq(t.assignments.sessionId, request.sessionId));
  const alone = coders.length === 1;
  return d.transaction(async (tx) => {
    const proposed = await tx
      .update(t.reopenRequests)
      .set({ status: alone ? 'resettled' : 'proposed', resettleValue: data.value, resettleRationale: data.rationale, resettleProposedBy: actor.userId, ...(alone ? { resettledAt: new Date() } : {}) })
      .where(and(eq(t.reopenRequests.id, requestId), inArray(t.reopenRequests.status, ['accepted', 'proposed'])))
      .returning({ id: t.reopenRequests.id });
    if (proposed.length === 0) throw await resettleRefusal(tx, t, requestId);
    if (!alone) return 'proposed';
    await applyResettle(tx, t, projectId, actor.userId, requestId, request, data);
    return 'resettled';
  });
}

/**
 * The other coder of the session confirms the proposed mark: in one transaction the request
 * becomes resettled (only from proposed, so two confirmations cannot both apply), the cell's
 * consensus row takes the new mark and rationale, and the change is audited.
 */
/** The proposal as the confirming coder saw it: a proposal replaced meanwhile is not confirmed blindly. */
export interface SeenProposal {
  value: Mark;
  proposedBy: string;
  rationale: string;
}

export async function confirmResettle(d: Database, actor: Actor, projectId: string, requestId: string, seen: SeenProposal): Promise<void> {
  const request = await requestForCoder(d, actor, projectId, requestId);
  if (request.sessionStatus !== 'finalized') throw new DomainError('conflict', 'review.notSettled');
  const { t } = d;
  await d.transaction(async (tx) => {
    const [confirmed] = await tx
      .update(t.reopenRequests)
      .set({ status: 'resettled', resettledAt: new Date() })
      .where(
        and(
          eq(t.reopenRequests.id, requestId),
          eq(t.reopenRequests.status, 'proposed'),
          ne(t.reopenRequests.resettleProposedBy, actor.userId),
          eq(t.reopenRequests.resettleProposedBy, seen.proposedBy),
          eq(t.reopenRequests.resettleValue, seen.value),
          eq(t.reopenRequests.resettleRationale, seen.rationale),
        ),
      )
      .returning({ value: t.reopenRequests.resettleValue, rationale: t.reopenRequests.resettleRationale });
    if (!confirmed) throw await resettleRefusal(tx, t, requestId, actor.userId);
    await applyResettle(tx, t, projectId, actor.userId, requestId, request, { value: asMark(confirmed.value) ?? 0, rationale: confirmed.rationale ?? '' });
  });
}
