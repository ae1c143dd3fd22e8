import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { parseRoles } from '@/lib/policy/roles';
import { TALLYING_ROLES } from '@/lib/policy/policy';
import { codebookVersionById, freezeVersion, latestCodebookVersion, listCodebookVersions } from '@/lib/codebook/repository';
import { parseInput, text } from '@/lib/validation/parse';
import { intervalsOf, type Interval } from './intervals';
import { asPurpose, SESSION_PURPOSES, type SessionPurpose } from './purpose';

export const SESSION_STATUSES = ['coding', 'revealed', 'finalized'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const DEFAULT_INTERVAL_MINUTES = 5;

export interface Session {
  id: string;
  projectId: string;
  caseId: string;
  caseNumber: string;
  label: string;
  durationSeconds: number;
  intervalSeconds: number;
  intervals: Interval[];
  codebookVersionId: string | null;
  status: SessionStatus;
  purpose: SessionPurpose;
}

export interface AssignmentStatus {
  coderId: string;
  name: string;
  submitted: boolean;
}

const minutes = z.coerce.number({ error: 'field.positiveMinutes' }).positive({ error: 'field.positiveMinutes' }).max(24 * 60, { error: 'field.tooLong' });
const sessionInput = z
  .object({
    caseId: z.string({ error: 'field.unknownCase' }).min(1, { error: 'field.unknownCase' }),
    label: text(120),
    durationMinutes: minutes,
    intervalMinutes: minutes.default(DEFAULT_INTERVAL_MINUTES),
    codebookVersionId: z.string().nullish(),
    purpose: z.enum(SESSION_PURPOSES).default('research'),
  })
  .refine((s) => s.intervalMinutes <= s.durationMinutes, { error: 'field.intervalTooLong', path: ['intervalMinutes'] });

export async function createSession(d: Database, projectId: string, actorId: string, input: unknown): Promise<Session> {
  const data = parseInput(sessionInput, input);
  const { t } = d;
  const [kase] = await d.db.select().from(t.cases).where(and(eq(t.cases.id, data.caseId), eq(t.cases.projectId, projectId)));
  if (!kase) throw new ValidationError({ caseId: 'field.unknownCase' });
  // A session is coded against one frozen codebook version: the one named, else the newest.
  const version = data.codebookVersionId ? await codebookVersionById(d, data.codebookVersionId) : await latestCodebookVersion(d, projectId);
  if (data.codebookVersionId && !(version && (await listCodebookVersions(d, projectId)).some((v) => v.id === version.id))) {
    throw new ValidationError({ codebookVersionId: 'field.required' });
  }
  if (version) await freezeVersion(d, version.id);
  const row = {
    id: randomUUID(),
    projectId,
    caseId: kase.id,
    label: data.label,
    durationSeconds: Math.round(data.durationMinutes * 60),
    intervalSeconds: Math.round(data.intervalMinutes * 60),
    codebookVersionId: version?.id ?? null,
    status: 'coding' as const,
    purpose: data.purpose,
    createdAt: new Date(),
  };
  await d.transaction(async (tx) => {
    await tx.insert(t.sessions).values(row);
    await recordAudit(tx, t, { projectId, actorId, kind: 'session.created', subject: row.id, detail: { caseNumber: kase.caseNumber, label: row.label, purpose: row.purpose } });
  });
  return { ...row, caseNumber: kase.caseNumber, intervals: intervalsOf(row.durationSeconds, row.intervalSeconds) };
}

function sessionColumns(d: Database) {
  const { t } = d;
  return {
    id: t.sessions.id,
    projectId: t.sessions.projectId,
    caseId: t.sessions.caseId,
    caseNumber: t.cases.caseNumber,
    label: t.sessions.label,
    durationSeconds: t.sessions.durationSeconds,
    intervalSeconds: t.sessions.intervalSeconds,
    codebookVersionId: t.sessions.codebookVersionId,
    status: t.sessions.status,
    purpose: t.sessions.purpose,
  };
}

type SessionRow = { durationSeconds: number; intervalSeconds: number; status: string; purpose: string };
function withIntervals<R extends SessionRow>(r: R): Omit<R, 'status' | 'purpose'> & { status: SessionStatus; purpose: SessionPurpose; intervals: Interval[] } {
  return { ...r, status: r.status as SessionStatus, purpose: asPurpose(r.purpose), intervals: intervalsOf(r.durationSeconds, r.intervalSeconds) };
}

/**
 * A project's sessions of the given purposes (research only by default: statistics, results
 * and the review desk must never count a calibration recording or a trainees' round).
 */
export async function listSessions(d: Database, projectId: string, purposes: readonly SessionPurpose[] = ['research']): Promise<Session[]> {
  const { t } = d;
  if (purposes.length === 0) return [];
  const rows = await d.db
    .select(sessionColumns(d))
    .from(t.sessions)
    .innerJoin(t.cases, eq(t.cases.id, t.sessions.caseId))
    .where(and(eq(t.sessions.projectId, projectId), inArray(t.sessions.purpose, [...purposes])))
    .orderBy(asc(t.cases.caseNumber), asc(t.sessions.createdAt));
  return rows.map(withIntervals);
}

export async function getSession(d: Database, projectId: string, sessionId: string): Promise<Session | null> {
  const { t } = d;
  const [row] = await d.db
    .select(sessionColumns(d))
    .from(t.sessions)
    .innerJoin(t.cases, eq(t.cases.id, t.sessions.caseId))
    .where(and(eq(t.sessions.projectId, projectId), eq(t.sessions.id, sessionId)));
  return row ? withIntervals(row) : null;
}

/** Who is assigned and whether each has submitted: never what they marked. */
export async function listAssignments(d: Database, sessionIds: string[]): Promise<Map<string, AssignmentStatus[]>> {
  const { t } = d;
  const out = new Map<string, AssignmentStatus[]>();
  if (sessionIds.length === 0) return out;
  const rows = await d.db
    .select({ sessionId: t.assignments.sessionId, coderId: t.assignments.coderId, name: t.users.name, submittedAt: t.assignments.submittedAt })
    .from(t.assignments)
    .innerJoin(t.users, eq(t.users.id, t.assignments.coderId))
    .where(inArray(t.assignments.sessionId, sessionIds))
    .orderBy(asc(t.users.name));
  for (const r of rows) {
    const list = out.get(r.sessionId) ?? [];
    list.push({ coderId: r.coderId, name: r.name, submitted: !!r.submittedAt });
    out.set(r.sessionId, list);
  }
  return out;
}

/**
 * Sets the coders of a session (two by default, more allowed). Each must hold a role that
 * tallies this kind of session (TALLYING_ROLES: coders; trainers too on a gold recording). Coders who already submitted stay; changes stop at reveal.
 */
export async function assignCoders(d: Database, projectId: string, sessionId: string, coderIds: string[], actorId: string): Promise<void> {
  const { t } = d;
  const wanted = [...new Set(coderIds)];
  await d.transaction(async (tx) => {
    const [session] = await tx.select().from(t.sessions).where(and(eq(t.sessions.id, sessionId), eq(t.sessions.projectId, projectId)));
    if (!session) throw new DomainError('not-found', 'error.notFound');
    if (session.status !== 'coding') throw new DomainError('conflict', 'assign.locked');
    if (wanted.length > 0) {
      const memberRows = await tx
        .select({ userId: t.members.userId, roles: t.members.roles, removedAt: t.members.removedAt, name: t.users.name })
        .from(t.members)
        .innerJoin(t.users, eq(t.users.id, t.members.userId))
        .where(and(eq(t.members.projectId, projectId), inArray(t.members.userId, wanted)));
      for (const id of wanted) {
        const m = memberRows.find((r) => r.userId === id);
        if (!m || m.removedAt || !parseRoles(m.roles).some((r) => TALLYING_ROLES[asPurpose(session.purpose)].includes(r))) {
          throw new DomainError('invalid', 'assign.notCoder', 'coders', { name: m?.name ?? id });
        }
      }
    }
    const current = await tx.select().from(t.assignments).where(eq(t.assignments.sessionId, sessionId));
    const toRemove = current.filter((a) => !wanted.includes(a.coderId) && !a.submittedAt).map((a) => a.coderId);
    if (toRemove.length) await tx.delete(t.assignments).where(and(eq(t.assignments.sessionId, sessionId), inArray(t.assignments.coderId, toRemove)));
    const toAdd = wanted.filter((id) => !current.some((a) => a.coderId === id));
    if (toAdd.length) {
      const now = new Date();
      await tx.insert(t.assignments).values(toAdd.map((coderId) => ({ sessionId, coderId, assignedAt: now, submittedAt: null })));
    }
    await recordAudit(tx, t, { projectId, actorId, kind: 'session.coders-assigned', subject: sessionId, detail: { coders: wanted } });
  });
}
