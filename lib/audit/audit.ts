/*
 * The audit log: append-only. There is a function to add and to list events, and none to
 * change or delete one. Every reveal, reopening, finalization, role change and export
 * is recorded here.
 */
import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '@/lib/db';

export const AUDIT_KINDS = [
  'project.created',
  'member.joined',
  'member.roles-changed',
  'member.removed',
  'invitation.created',
  'invitation.revoked',
  'session.created',
  'session.coders-assigned',
  'session.revealed',
  'tally.reopened',
  'session.finalized',
  'export.created',
  'tallies.imported',
  'review.reopen-requested',
  'review.reopen-accepted',
  'review.reopen-declined',
  'review.cell-resettled',
  'definition.applied',
  'settings.changed',
  'gold.settled',
  'calibration.round-created',
  'calibration.revealed',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditInput {
  projectId: string | null;
  actorId: string | null;
  kind: AuditKind;
  subject: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(tx: Db, t: Database['t'], event: AuditInput): Promise<void> {
  await tx.insert(t.auditEvents).values({
    id: randomUUID(),
    projectId: event.projectId,
    actorId: event.actorId,
    kind: event.kind,
    subject: event.subject,
    detail: JSON.stringify(event.detail ?? {}),
    at: new Date(),
  });
}

export interface AuditEntry {
  id: string;
  at: Date;
  kind: string;
  subject: string;
  detail: Record<string, unknown>;
  actorName: string | null;
}

export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

export const AUDIT_PAGE_SIZE = 500;

/** The project's latest events, newest first; optionally of one kind. */
export async function listAudit(d: Database, projectId: string, { kind, limit = AUDIT_PAGE_SIZE }: { kind?: AuditKind; limit?: number } = {}): Promise<AuditEntry[]> {
  const { db, t } = d;
  const rows = await db
    .select({ id: t.auditEvents.id, at: t.auditEvents.at, kind: t.auditEvents.kind, subject: t.auditEvents.subject, detail: t.auditEvents.detail, actorName: t.users.name })
    .from(t.auditEvents)
    .leftJoin(t.users, eq(t.users.id, t.auditEvents.actorId))
    .where(kind ? and(eq(t.auditEvents.projectId, projectId), eq(t.auditEvents.kind, kind)) : eq(t.auditEvents.projectId, projectId))
    .orderBy(desc(t.auditEvents.at))
    .limit(limit);
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
