/*
 * Calibration recordings and rounds. A calibration recording is a session with purpose
 * `gold`; its settled consensus (by coding it, importing a consensus list or finalizing a
 * board) is the gold standard. A round is a session with purpose `calibration` on the same
 * recording (case, length, codebook version), tallied blind by its trainees with the ordinary
 * tally page, and revealed by the trainer, never automatically.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { enforce } from '@/lib/policy/enforce';
import { decide, TALLYING_ROLES, type Actor } from '@/lib/policy/policy';
import { listMembers, type Member } from '@/lib/projects/members';
import { createCase, listCases } from '@/lib/cases/cases';
import { assignCoders, createSession, listAssignments, listSessions, type AssignmentStatus, type Session } from '@/lib/sessions/sessions';
import { parseInput, text } from '@/lib/validation/parse';

export interface GoldRecording {
  session: Session;
  /** The gold standard is settled once the recording's session is finalized. */
  settled: boolean;
  assignments: AssignmentStatus[];
}

export interface Round {
  id: string;
  session: Session;
  goldSessionId: string;
  goldLabel: string;
  deadline: Date | null;
  showGold: boolean;
  showNames: boolean;
  createdAt: Date;
  /** Who is in the round and who has submitted: never what they marked. */
  trainees: AssignmentStatus[];
  revealed: boolean;
}

export async function listGoldRecordings(d: Database, projectId: string): Promise<GoldRecording[]> {
  const sessions = await listSessions(d, projectId, ['gold']);
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  return sessions.map((session) => ({ session, settled: session.status === 'finalized', assignments: assignments.get(session.id) ?? [] }));
}

/** The project's rounds, oldest first; or only the one named. */
export async function listRounds(d: Database, projectId: string, roundId?: string): Promise<Round[]> {
  const { t } = d;
  const inProject = eq(t.calibrationRounds.projectId, projectId);
  const rows = await d.db
    .select()
    .from(t.calibrationRounds)
    .where(roundId ? and(inProject, eq(t.calibrationRounds.id, roundId)) : inProject)
    .orderBy(asc(t.calibrationRounds.createdAt));
  if (rows.length === 0) return [];
  const sessions = new Map((await listSessions(d, projectId, ['calibration', 'gold'])).map((s) => [s.id, s]));
  const assignments = await listAssignments(d, rows.map((r) => r.sessionId));
  return rows.flatMap((r) => {
    const session = sessions.get(r.sessionId);
    if (!session) return [];
    return [
      {
        id: r.id,
        session,
        goldSessionId: r.goldSessionId,
        goldLabel: sessions.get(r.goldSessionId)?.label ?? '',
        deadline: r.deadline,
        showGold: r.showGold,
        showNames: r.showNames,
        createdAt: r.createdAt,
        trainees: assignments.get(r.sessionId) ?? [],
        revealed: session.status !== 'coding',
      },
    ];
  });
}

export async function getRound(d: Database, projectId: string, roundId: string): Promise<Round | null> {
  return (await listRounds(d, projectId, roundId))[0] ?? null;
}

const goldInput = z.object({
  caseNumber: text(40),
  label: text(120),
  durationMinutes: z.unknown(),
  intervalMinutes: z.unknown(),
  codebookVersionId: z.string().nullish(),
  coderIds: z.array(z.string()).default([]),
});

/**
 * A trainer prepares a calibration recording: a gold session on a (training) case, created
 * when the case number is new, with the coders who settle its gold standard (the trainer
 * alone settles it by submitting; two coders reconcile on a board). Importing a consensus
 * list for it (lib/tally/exchange) settles it too.
 */
export async function createGoldRecording(d: Database, actor: Actor, projectId: string, input: unknown): Promise<Session> {
  enforce(decide(actor, 'calibration.manage'));
  const data = parseInput(goldInput, input);
  const kase = (await listCases(d, projectId)).find((c) => c.caseNumber === data.caseNumber) ?? (await createCase(d, projectId, { caseNumber: data.caseNumber }));
  const session = await createSession(d, projectId, actor.userId, { ...data, caseId: kase.id, purpose: 'gold' });
  if (data.coderIds.length) await assignCoders(d, projectId, session.id, data.coderIds, actor.userId);
  return session;
}

/** The round a calibration session belongs to. */
export async function roundIdOfSession(d: Database, sessionId: string): Promise<string | null> {
  const [row] = await d.db.select({ id: d.t.calibrationRounds.id }).from(d.t.calibrationRounds).where(eq(d.t.calibrationRounds.sessionId, sessionId));
  return row?.id ?? null;
}

/** Members who may take part in a round: trainees, and coders who recalibrate. */
export function roundCandidates(members: readonly Member[]): Member[] {
  return members.filter((m) => !m.removed && m.roles.some((r) => TALLYING_ROLES.calibration.includes(r)));
}

const roundInput = z.object({
  goldSessionId: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }),
  label: text(120, true),
  traineeIds: z.array(z.string()).min(1, { error: 'field.chooseTrainees' }),
  deadline: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59` : v);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'field.date' });
        return z.NEVER;
      }
      return date;
    }),
  showGold: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  showNames: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** Opens a round on a settled calibration recording for the chosen trainees. */
export async function createRound(d: Database, actor: Actor, projectId: string, input: unknown): Promise<Round> {
  enforce(decide(actor, 'calibration.manage'));
  const data = parseInput(roundInput, input);
  const gold = (await listGoldRecordings(d, projectId)).find((g) => g.session.id === data.goldSessionId);
  if (!gold) throw new ValidationError({ goldSessionId: 'field.required' });
  if (!gold.settled || !gold.session.codebookVersionId) throw new ValidationError({ goldSessionId: 'calibration.goldNotSettled' });
  const candidates = roundCandidates(await listMembers(d, projectId));
  const trainees = [...new Set(data.traineeIds)];
  for (const id of trainees) {
    if (!candidates.some((m) => m.userId === id)) throw new ValidationError({ traineeIds: 'calibration.notTrainee' });
  }
  const { t } = d;
  const now = new Date();
  const roundsOnGold = (await listRounds(d, projectId)).filter((r) => r.goldSessionId === gold.session.id).length;
  const label = data.label || `${gold.session.label} · ${roundsOnGold + 1}`;
  const sessionId = randomUUID();
  const roundId = randomUUID();
  await d.transaction(async (tx) => {
    await tx.insert(t.sessions).values({
      id: sessionId,
      projectId,
      caseId: gold.session.caseId,
      label,
      durationSeconds: gold.session.durationSeconds,
      intervalSeconds: gold.session.intervalSeconds,
      codebookVersionId: gold.session.codebookVersionId,
      status: 'coding',
      purpose: 'calibration',
      createdAt: now,
    });
    await tx.insert(t.assignments).values(trainees.map((coderId) => ({ sessionId, coderId, assignedAt: now, submittedAt: null })));
    await tx.insert(t.calibrationRounds).values({
      id: roundId,
      projectId,
      sessionId,
      goldSessionId: gold.session.id,
      deadline: data.deadline,
      showGold: data.showGold,
      showNames: data.showNames,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, t, { projectId, actorId: actor.userId, kind: 'calibration.round-created', subject: roundId, detail: { label, trainees, goldSessionId: gold.session.id } });
  });
  return (await getRound(d, projectId, roundId))!;
}

/**
 * The trainer reveals a round, typically live in class. Trainees who have not submitted by
 * then are left out of every figure, and their tally freezes (the write policy refuses
 * writes after reveal), so nobody codes on with the group's answers in view.
 */
export async function revealRound(d: Database, actor: Actor, projectId: string, roundId: string): Promise<void> {
  enforce(decide(actor, 'calibration.manage'));
  const round = await getRound(d, projectId, roundId);
  if (!round) throw new DomainError('not-found', 'error.notFound');
  if (!round.trainees.some((a) => a.submitted)) throw new DomainError('conflict', 'calibration.nobodySubmitted');
  const { t } = d;
  await d.transaction(async (tx) => {
    const revealed = await tx
      .update(t.sessions)
      .set({ status: 'revealed', revealedAt: new Date() })
      .where(and(eq(t.sessions.id, round.session.id), eq(t.sessions.status, 'coding')))
      .returning({ id: t.sessions.id });
    if (revealed.length === 0) throw new DomainError('conflict', 'calibration.alreadyRevealed');
    const submitted = await tx
      .select({ coderId: t.assignments.coderId, submittedAt: t.assignments.submittedAt })
      .from(t.assignments)
      .where(and(eq(t.assignments.sessionId, round.session.id), inArray(t.assignments.coderId, round.trainees.map((a) => a.coderId))));
    await recordAudit(tx, t, {
      projectId,
      actorId: actor.userId,
      kind: 'calibration.revealed',
      subject: roundId,
      detail: { submitted: submitted.filter((a) => a.submittedAt).map((a) => a.coderId), missing: submitted.filter((a) => !a.submittedAt).map((a) => a.coderId) },
    });
  });
}
