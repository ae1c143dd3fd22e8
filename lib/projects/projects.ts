import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import type { Actor } from '@/lib/policy/policy';
import { parseRoles, type Role } from '@/lib/policy/roles';
import { parseInput, text } from '@/lib/validation/parse';

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
}

export interface ProjectWithRoles extends Project {
  roles: Role[];
}

const projectInput = z.object({ name: text(120), description: text(2000, true) });

/** Any signed-in user may start a project; they become its owner. */
export async function createProject(d: Database, userId: string, input: unknown): Promise<Project> {
  const data = parseInput(projectInput, input);
  const now = new Date();
  const project = { id: randomUUID(), name: data.name, description: data.description, createdBy: userId, createdAt: now };
  await d.transaction(async (tx) => {
    await tx.insert(d.t.projects).values(project);
    await tx.insert(d.t.members).values({ projectId: project.id, userId, roles: 'owner', joinedAt: now, removedAt: null });
    await recordAudit(tx, d.t, { projectId: project.id, actorId: userId, kind: 'project.created', subject: project.name });
  });
  return { id: project.id, name: project.name, description: project.description, createdAt: now };
}

export async function getProject(d: Database, projectId: string): Promise<Project | null> {
  const [row] = await d.db.select().from(d.t.projects).where(eq(d.t.projects.id, projectId));
  return row ? { id: row.id, name: row.name, description: row.description, createdAt: row.createdAt } : null;
}

export async function listProjects(d: Database): Promise<Project[]> {
  return d.db
    .select({ id: d.t.projects.id, name: d.t.projects.name, description: d.t.projects.description, createdAt: d.t.projects.createdAt })
    .from(d.t.projects)
    .orderBy(asc(d.t.projects.createdAt));
}

export async function listProjectsOf(d: Database, userId: string): Promise<ProjectWithRoles[]> {
  const { t } = d;
  const rows = await d.db
    .select({ id: t.projects.id, name: t.projects.name, description: t.projects.description, createdAt: t.projects.createdAt, roles: t.members.roles })
    .from(t.members)
    .innerJoin(t.projects, eq(t.projects.id, t.members.projectId))
    .where(and(eq(t.members.userId, userId), isNull(t.members.removedAt)))
    .orderBy(asc(t.projects.name));
  return rows.map((r) => ({ ...r, roles: parseRoles(r.roles) })).filter((p) => p.roles.length > 0);
}

/** The user as an actor of this project: the policy's input. Roles are empty for non-members. */
export async function actorIn(d: Database, projectId: string, userId: string): Promise<Actor> {
  const { t } = d;
  const [row] = await d.db
    .select({ roles: t.members.roles })
    .from(t.members)
    .where(and(eq(t.members.projectId, projectId), eq(t.members.userId, userId), isNull(t.members.removedAt)));
  return { userId, roles: row ? parseRoles(row.roles) : [] };
}
