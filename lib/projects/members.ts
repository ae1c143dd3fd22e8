import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { formatRoles, isRole, parseRoles, type Role } from '@/lib/policy/roles';

export interface Member {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
  joinedAt: Date;
  removed: boolean;
}

/** Members of a project, removed ones included (their past work stays attributed). */
export async function listMembers(d: Database, projectId: string): Promise<Member[]> {
  const { t } = d;
  const rows = await d.db
    .select({ userId: t.users.id, name: t.users.name, email: t.users.email, roles: t.members.roles, joinedAt: t.members.joinedAt, removedAt: t.members.removedAt })
    .from(t.members)
    .innerJoin(t.users, eq(t.users.id, t.members.userId))
    .where(eq(t.members.projectId, projectId))
    .orderBy(asc(t.users.name));
  return rows.map((r) => ({ userId: r.userId, name: r.name, email: r.email, roles: parseRoles(r.roles), joinedAt: r.joinedAt, removed: !!r.removedAt }));
}

export function parseRoleList(values: unknown): Role[] {
  const list = (Array.isArray(values) ? values : [values]).filter((v): v is string => typeof v === 'string' && isRole(v)) as Role[];
  if (list.length === 0) throw new ValidationError({ roles: 'field.roleRequired' });
  return list;
}

/** Adds a user to a project, or gives an existing member extra roles. */
export async function addMember(tx: Db, d: Database, projectId: string, userId: string, roles: Role[], actorId: string | null): Promise<void> {
  const { t } = d;
  const [existing] = await tx.select().from(t.members).where(and(eq(t.members.projectId, projectId), eq(t.members.userId, userId)));
  const now = new Date();
  if (!existing) {
    await tx.insert(t.members).values({ projectId, userId, roles: formatRoles(roles), joinedAt: now, removedAt: null });
  } else {
    const merged = existing.removedAt ? roles : [...new Set([...parseRoles(existing.roles), ...roles])];
    await tx.update(t.members).set({ roles: formatRoles(merged), removedAt: null }).where(and(eq(t.members.projectId, projectId), eq(t.members.userId, userId)));
  }
  await recordAudit(tx, t, { projectId, actorId: actorId ?? userId, kind: 'member.joined', subject: userId, detail: { roles } });
}

async function activeOwners(tx: Db, d: Database, projectId: string): Promise<string[]> {
  // Serialises concurrent role changes of one project, so the last owner cannot be removed twice over.
  if (d.dialect === 'postgres') await tx.select({ id: d.t.projects.id }).from(d.t.projects).where(eq(d.t.projects.id, projectId)).for('update');
  const rows = await tx
    .select({ userId: d.t.members.userId, roles: d.t.members.roles })
    .from(d.t.members)
    .where(and(eq(d.t.members.projectId, projectId), isNull(d.t.members.removedAt)));
  return rows.filter((r) => parseRoles(r.roles).includes('owner')).map((r) => r.userId);
}

export async function setMemberRoles(d: Database, projectId: string, userId: string, roles: Role[], actorId: string): Promise<void> {
  await d.transaction(async (tx) => {
    const owners = await activeOwners(tx, d, projectId);
    if (owners.length === 1 && owners[0] === userId && !roles.includes('owner')) throw new DomainError('conflict', 'members.lastOwner', 'roles');
    const [before] = await tx.select().from(d.t.members).where(and(eq(d.t.members.projectId, projectId), eq(d.t.members.userId, userId), isNull(d.t.members.removedAt)));
    if (!before) throw new DomainError('not-found', 'error.notFound');
    await tx.update(d.t.members).set({ roles: formatRoles(roles) }).where(and(eq(d.t.members.projectId, projectId), eq(d.t.members.userId, userId)));
    await recordAudit(tx, d.t, { projectId, actorId, kind: 'member.roles-changed', subject: userId, detail: { from: parseRoles(before.roles), to: roles } });
  });
}

/** Removes a member: they lose access, their rows (tallies, rationales, audit) keep their name. */
export async function removeMember(d: Database, projectId: string, userId: string, actorId: string): Promise<void> {
  await d.transaction(async (tx) => {
    const owners = await activeOwners(tx, d, projectId);
    if (owners.length === 1 && owners[0] === userId) throw new DomainError('conflict', 'members.lastOwner');
    const removed = await tx
      .update(d.t.members)
      .set({ removedAt: new Date() })
      .where(and(eq(d.t.members.projectId, projectId), eq(d.t.members.userId, userId), isNull(d.t.members.removedAt)))
      .returning({ userId: d.t.members.userId });
    if (removed.length === 0) throw new DomainError('not-found', 'error.notFound');
    await recordAudit(tx, d.t, { projectId, actorId, kind: 'member.removed', subject: userId });
  });
}
