/*
 * Notes on settled cells after the fact: a supervisor's comment (visible to the session's
 * coders), and a request to reopen a settled cell, which one of the session's coders
 * accepts or declines. A finalized consensus list is never changed here: an accepted
 * request is recorded (and audited) as "reopened: needs a new board".
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { findBehaviour } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { intervalsOf } from '@/lib/sessions/intervals';
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

/** Every supervisor comment and reopen request on the given sessions, oldest first. */
export async function listReviewNotes(d: Database, sessionIds: readonly string[]): Promise<{ comments: ReviewComment[]; requests: ReopenRequest[] }> {
  if (sessionIds.length === 0) return { comments: [], requests: [] };
  const { t } = d;
  const [comments, requests] = await Promise.all([
    d.db.select().from(t.reviewComments).where(inArray(t.reviewComments.sessionId, [...sessionIds])).orderBy(asc(t.reviewComments.at)),
    d.db.select().from(t.reopenRequests).where(inArray(t.reopenRequests.sessionId, [...sessionIds])).orderBy(asc(t.reopenRequests.at)),
  ]);
  const names = await userNames(d, [...comments.map((c) => c.authorId), ...requests.flatMap((r) => [r.requestedBy, r.decidedBy ?? ''])].filter(Boolean));
  return {
    comments: comments.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? '' })),
    requests: requests.map((r) => ({
      ...r,
      status: r.status as ReopenStatus,
      requesterName: names.get(r.requestedBy) ?? '',
      deciderName: r.decidedBy ? (names.get(r.decidedBy) ?? '') : null,
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
 * One of the session's coders accepts or declines a pending request. Accepting does not
 * touch the finalized consensus list: the decision is recorded and audited, and the cell is
 * shown as "reopened: needs a new board".
 */
export async function decideReopen(d: Database, actor: Actor, projectId: string, requestId: string, accept: boolean): Promise<void> {
  const { t } = d;
  const [request] = await d.db
    .select({ sessionId: t.reopenRequests.sessionId, cell: t.reopenRequests.cell, projectId: t.sessions.projectId })
    .from(t.reopenRequests)
    .innerJoin(t.sessions, eq(t.sessions.id, t.reopenRequests.sessionId))
    .where(eq(t.reopenRequests.id, requestId));
  if (!request || request.projectId !== projectId || actor.roles.length === 0) throw new DomainError('not-found', 'error.notFound');
  const [assigned] = await d.db
    .select({ coderId: t.assignments.coderId })
    .from(t.assignments)
    .where(and(eq(t.assignments.sessionId, request.sessionId), eq(t.assignments.coderId, actor.userId)));
  if (!assigned || !actor.roles.includes('coder')) throw new DomainError('forbidden', 'error.forbidden');
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
      detail: { cell: request.cell, request: requestId, ...(accept ? { note: 'reopened: needs a new board' } : {}) },
    });
  });
}
