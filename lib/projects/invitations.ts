/*
 * Invitations by link. The link carries a random token; only its SHA-256 is stored, so a
 * database leak does not hand out working links. A link works once and expires.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { formatRoles, parseRoles, type Role } from '@/lib/policy/roles';
import { addMember } from './members';

export const INVITATION_DAYS = 14;

export interface Invitation {
  id: string;
  projectId: string;
  projectName: string;
  roles: Role[];
  email: string | null;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invite/${token}`;
}

export async function createInvitation(
  d: Database,
  projectId: string,
  actorId: string,
  roles: Role[],
  email: string | null,
): Promise<{ token: string; invitation: Invitation }> {
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  const row = {
    id: randomUUID(),
    projectId,
    tokenHash: hashToken(token),
    roles: formatRoles(roles),
    email: email?.trim().toLowerCase() || null,
    createdBy: actorId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  };
  await d.transaction(async (tx) => {
    await tx.insert(d.t.invitations).values(row);
    await recordAudit(tx, d.t, { projectId, actorId, kind: 'invitation.created', subject: row.id, detail: { roles, email: row.email } });
  });
  const invitation = await findInvitation(d, token);
  return { token, invitation: invitation! };
}

/** The invitation behind a token, if it is still open (not used, revoked or expired). */
export async function findInvitation(d: Database, token: string, now = new Date()): Promise<Invitation | null> {
  const { t } = d;
  const [row] = await d.db
    .select({ inv: t.invitations, projectName: t.projects.name })
    .from(t.invitations)
    .innerJoin(t.projects, eq(t.projects.id, t.invitations.projectId))
    .where(and(eq(t.invitations.tokenHash, hashToken(token)), isNull(t.invitations.acceptedAt), isNull(t.invitations.revokedAt)));
  if (!row || row.inv.expiresAt <= now) return null;
  return { id: row.inv.id, projectId: row.inv.projectId, projectName: row.projectName, roles: parseRoles(row.inv.roles), email: row.inv.email, expiresAt: row.inv.expiresAt };
}

/** Accepts an open invitation for `userId`; returns the project id, or null if the link is no longer valid. */
export async function acceptInvitation(d: Database, token: string, userId: string): Promise<string | null> {
  return d.transaction(async (tx) => {
    const invitation = await findInvitation(d, token);
    if (!invitation) return null;
    const claimed = await tx
      .update(d.t.invitations)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(and(eq(d.t.invitations.id, invitation.id), isNull(d.t.invitations.acceptedAt), isNull(d.t.invitations.revokedAt), gt(d.t.invitations.expiresAt, new Date())))
      .returning({ id: d.t.invitations.id });
    if (claimed.length === 0) return null;
    await addMember(tx, d, invitation.projectId, userId, invitation.roles, null);
    return invitation.projectId;
  });
}

export async function listOpenInvitations(d: Database, projectId: string): Promise<Invitation[]> {
  const { t } = d;
  const rows = await d.db
    .select()
    .from(t.invitations)
    .where(and(eq(t.invitations.projectId, projectId), isNull(t.invitations.acceptedAt), isNull(t.invitations.revokedAt)))
    .orderBy(desc(t.invitations.createdAt));
  const now = new Date();
  return rows
    .filter((r) => r.expiresAt > now)
    .map((r) => ({ id: r.id, projectId: r.projectId, projectName: '', roles: parseRoles(r.roles), email: r.email, expiresAt: r.expiresAt }));
}

export async function revokeInvitation(d: Database, projectId: string, invitationId: string, actorId: string): Promise<void> {
  await d.transaction(async (tx) => {
    await tx
      .update(d.t.invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(d.t.invitations.id, invitationId), eq(d.t.invitations.projectId, projectId)));
    await recordAudit(tx, d.t, { projectId, actorId, kind: 'invitation.revoked', subject: invitationId });
  });
}
