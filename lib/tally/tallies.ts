/*
 * Reading, writing and submitting a coder's independent tally. Every function takes the
 * asking actor and enforces the policy itself: there is no unchecked way to read marks.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '@/lib/db';
import { flattenBehaviours } from '@/lib/codebook/model';
import { getProjectSettings } from '@/lib/projects/settings';
import { recordAudit } from '@/lib/audit/audit';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { checkBatch } from './batch';
import { enforce } from '@/lib/policy/enforce';
import { enforceRead, enforceWrite, type TallyContext } from './access';
import { cellKey, type CellWrite, type Mark, type RatingWrite } from './model';

export interface Tally {
  coderId: string;
  submitted: boolean;
  cells: CellWrite[];
  ratings: RatingWrite[];
}

export async function readTally(d: Database, actor: Actor, ctx: TallyContext, coderId: string): Promise<Tally> {
  enforceRead(actor, ctx, coderId);
  const { t } = d;
  const key = and(eq(t.tallyCells.sessionId, ctx.session.id), eq(t.tallyCells.coderId, coderId));
  const cells = await d.db.select().from(t.tallyCells).where(key);
  const ratings = await d.db
    .select()
    .from(t.tallyRatings)
    .where(and(eq(t.tallyRatings.sessionId, ctx.session.id), eq(t.tallyRatings.coderId, coderId)));
  return {
    coderId,
    submitted: ctx.assignments.some((a) => a.coderId === coderId && a.submitted),
    cells: cells.map((c) => ({ behaviourKey: c.behaviourKey, interval: c.interval, value: c.value as Mark, note: c.note, moments: JSON.parse(c.moments) as number[], clientTime: c.clientTime })),
    ratings: ratings.map((r) => ({ scaleKey: r.scaleKey, value: r.value, clientTime: r.clientTime })),
  };
}

export type WriteResult = { ok: true; applied: number } | { ok: false; problems: { index: number; kind: string; problem: string }[] };

/**
 * Applies a batch of the actor's own cell and rating writes. Per cell, the write with the
 * later client time wins, so tabs and offline replays converge whatever order they arrive in.
 */
export async function writeTally(d: Database, actor: Actor, ctx: TallyContext, input: unknown): Promise<WriteResult> {
  if (ctx.assignments.some((a) => a.coderId === actor.userId && a.submitted)) throw new DomainError('conflict', 'tally.submitted');
  enforceWrite(actor, ctx);
  const checked = checkBatch(input, ctx.codebook, ctx.session.intervals.length);
  if (!checked.ok) {
    if (checked.malformed) throw new DomainError('invalid', 'tally.malformed');
    return { ok: false, problems: checked.problems };
  }
  const { t } = d;
  const { cells, ratings } = checked.batch;
  await d.transaction(async (tx) => {
    // Re-checked inside the transaction: a submit may have landed since the context was loaded.
    // An update that changes nothing but locks the assignment row: a concurrent submit
    // either waits for this write or this write sees the submit and is refused.
    const [open] = await tx
      .update(t.assignments)
      .set({ submittedAt: null })
      .where(and(eq(t.assignments.sessionId, ctx.session.id), eq(t.assignments.coderId, actor.userId), isNull(t.assignments.submittedAt)))
      .returning({ coderId: t.assignments.coderId });
    if (!open) throw new DomainError('conflict', 'tally.submitted');
    for (const c of cells) {
      const row = { value: c.value, note: c.note, moments: JSON.stringify(c.moments), clientTime: c.clientTime };
      await tx
        .insert(t.tallyCells)
        .values({ sessionId: ctx.session.id, coderId: actor.userId, behaviourKey: c.behaviourKey, interval: c.interval, ...row })
        .onConflictDoUpdate({
          target: [t.tallyCells.sessionId, t.tallyCells.coderId, t.tallyCells.behaviourKey, t.tallyCells.interval],
          set: row,
          setWhere: sql`${t.tallyCells.clientTime} < ${c.clientTime}`,
        });
    }
    for (const r of ratings) {
      await tx
        .insert(t.tallyRatings)
        .values({ sessionId: ctx.session.id, coderId: actor.userId, scaleKey: r.scaleKey, value: r.value, clientTime: r.clientTime })
        .onConflictDoUpdate({
          target: [t.tallyRatings.sessionId, t.tallyRatings.coderId, t.tallyRatings.scaleKey],
          set: { value: r.value, clientTime: r.clientTime },
          setWhere: sql`${t.tallyRatings.clientTime} < ${r.clientTime}`,
        });
    }
  });
  return { ok: true, applied: cells.length + ratings.length };
}

/**
 * Freezes the actor's tally. When every assigned coder has submitted, in the same transaction:
 * - two or more coders: the session is revealed (status, time, audit event);
 * - one coder, on a gold recording or on a research session of a project that hides
 *   double-coding: the tally is the settled list (the gold standard, or a single-coded
 *   session's consensus) and the session is finalized;
 * - a calibration round: nothing; its trainer reveals it.
 */
export async function submitTally(d: Database, actor: Actor, ctx: TallyContext): Promise<{ revealed: boolean; finalized: boolean }> {
  if (ctx.assignments.some((a) => a.coderId === actor.userId && a.submitted)) throw new DomainError('conflict', 'tally.submitted');
  enforceWrite(actor, ctx);
  const { t } = d;
  const { session } = ctx;
  const single = session.purpose === 'gold' || (session.purpose === 'research' && (await getProjectSettings(d, session.projectId)).hideDoubleCoding);
  return d.transaction(async (tx) => {
    const now = new Date();
    // Lock the session row: two coders submitting at once must not both miss the reveal.
    await tx.update(t.sessions).set({ status: sql`${t.sessions.status}` }).where(eq(t.sessions.id, session.id));
    await tx
      .update(t.assignments)
      .set({ submittedAt: now })
      .where(and(eq(t.assignments.sessionId, session.id), eq(t.assignments.coderId, actor.userId), isNull(t.assignments.submittedAt)));
    const assigned = await tx.select({ coderId: t.assignments.coderId, submittedAt: t.assignments.submittedAt }).from(t.assignments).where(eq(t.assignments.sessionId, session.id));
    const nothing = { revealed: false, finalized: false };
    if (session.purpose === 'calibration' || assigned.some((a) => !a.submittedAt)) return nothing;
    if (assigned.length === 1 && single) {
      const settled = await tx
        .update(t.sessions)
        .set({ status: 'finalized', revealedAt: now, finalizedAt: now })
        .where(and(eq(t.sessions.id, session.id), eq(t.sessions.status, 'coding')))
        .returning({ id: t.sessions.id });
      if (settled.length === 0) return nothing;
      await settleFromTally(tx, t, ctx, actor.userId);
      const kind = session.purpose === 'gold' ? 'gold.settled' : 'session.finalized';
      await recordAudit(tx, t, { projectId: session.projectId, actorId: actor.userId, kind, subject: session.id, detail: { from: 'tally', coderId: actor.userId } });
      return { revealed: false, finalized: true };
    }
    const revealed = await tx
      .update(t.sessions)
      .set({ status: 'revealed', revealedAt: now })
      .where(and(eq(t.sessions.id, session.id), eq(t.sessions.status, 'coding')))
      .returning({ id: t.sessions.id });
    if (revealed.length > 0) {
      await recordAudit(tx, t, { projectId: session.projectId, actorId: actor.userId, kind: 'session.revealed', subject: session.id, detail: { coders: ctx.assignments.map((a) => a.coderId) } });
    }
    return { revealed: revealed.length > 0, finalized: false };
  });
}

/** Copies a single coder's tally into the session's consensus list: every cell, 0 or 1. */
async function settleFromTally(tx: Db, t: Database['t'], ctx: TallyContext, coderId: string): Promise<void> {
  const sessionId = ctx.session.id;
  const cells = await tx.select().from(t.tallyCells).where(and(eq(t.tallyCells.sessionId, sessionId), eq(t.tallyCells.coderId, coderId)));
  const marked = new Set(cells.filter((c) => c.value === 1).map((c) => cellKey(c.behaviourKey, c.interval)));
  const rows = flattenBehaviours(ctx.codebook).flatMap(({ behaviour }) =>
    ctx.session.intervals.map((_, interval) => ({ sessionId, behaviourKey: behaviour.key, interval, value: marked.has(cellKey(behaviour.key, interval)) ? 1 : 0, rationale: '' })),
  );
  await tx.delete(t.consensusCells).where(eq(t.consensusCells.sessionId, sessionId));
  if (rows.length) await tx.insert(t.consensusCells).values(rows);
  const ratings = await tx.select().from(t.tallyRatings).where(and(eq(t.tallyRatings.sessionId, sessionId), eq(t.tallyRatings.coderId, coderId)));
  await tx.delete(t.consensusRatings).where(eq(t.consensusRatings.sessionId, sessionId));
  if (ratings.length) await tx.insert(t.consensusRatings).values(ratings.map((r) => ({ sessionId, scaleKey: r.scaleKey, value: r.value })));
}

/** An owner reopens a submitted tally before reveal, at the coder's request; audited. */
export async function reopenTally(d: Database, actor: Actor, ctx: TallyContext, coderId: string): Promise<void> {
  enforce(actor.roles.includes('owner') ? { allowed: true } : { allowed: false, status: actor.roles.length ? 403 : 404 });
  if (ctx.session.status !== 'coding') throw new DomainError('conflict', 'tally.alreadyRevealed');
  const { t } = d;
  await d.transaction(async (tx) => {
    const reopened = await tx
      .update(t.assignments)
      .set({ submittedAt: null })
      .where(and(eq(t.assignments.sessionId, ctx.session.id), eq(t.assignments.coderId, coderId), isNotNull(t.assignments.submittedAt)))
      .returning({ coderId: t.assignments.coderId });
    if (reopened.length === 0) throw new DomainError('not-found', 'error.notFound');
    await recordAudit(tx, t, { projectId: ctx.session.projectId, actorId: actor.userId, kind: 'tally.reopened', subject: ctx.session.id, detail: { coderId } });
  });
}
