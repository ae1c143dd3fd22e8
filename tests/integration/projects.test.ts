/*
 * Projects and membership: ownership on creation, invitation links (single use, revocable,
 * expiring, stored hashed), role changes, and removing members without losing their history.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, getUser } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { DomainError } from '@/lib/errors/domain-error';
import { acceptInvitation, createInvitation, findInvitation, INVITATION_DAYS, revokeInvitation } from '@/lib/projects/invitations';
import { addMember, listMembers, removeMember, setMemberRoles } from '@/lib/projects/members';
import { actorIn, createProject, listProjectsOf } from '@/lib/projects/projects';
import { createTestDatabase, rawQuery, type TestDatabase } from './support/test-database';
import { rejectionOf } from './support/errors';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

let counter = 0;
async function newUser(name = 'Someone') {
  counter++;
  return createUser(tdb.database, { email: `member${counter}@example.org`, name: `${name} ${counter}`, password: 'member password' });
}

/** A project with its owner and one invited member holding `roles`. */
async function projectWithMember(roles: Parameters<typeof createInvitation>[3] = ['coder']) {
  const owner = await newUser('Owner');
  const member = await newUser('Member');
  const project = await createProject(tdb.database, owner.id, { name: `Project ${counter}` });
  const { token } = await createInvitation(tdb.database, project.id, owner.id, roles, null);
  expect(await acceptInvitation(tdb.database, token, member.id)).toBe(project.id);
  return { owner, member, project };
}

const kinds = async (projectId: string) => (await listAudit(tdb.database, projectId)).map((e) => e.kind);

describe('createProject', () => {
  it("makes the creator its owner and records 'project.created'", async () => {
    const creator = await newUser('Creator');
    const project = await createProject(tdb.database, creator.id, { name: '  Distance and proximity ', description: 'A study' });
    expect(project.name).toBe('Distance and proximity');
    expect(await listMembers(tdb.database, project.id)).toEqual([expect.objectContaining({ userId: creator.id, roles: ['owner'], removed: false })]);
    expect(await actorIn(tdb.database, project.id, creator.id)).toEqual({ userId: creator.id, roles: ['owner'] });
    expect(await listProjectsOf(tdb.database, creator.id)).toEqual([expect.objectContaining({ id: project.id, roles: ['owner'] })]);
    const audit = await listAudit(tdb.database, project.id);
    expect(audit).toEqual([expect.objectContaining({ kind: 'project.created', subject: 'Distance and proximity', actorName: creator.name })]);
  });
});

describe('invitations', () => {
  it('a link is found and, once accepted, makes the user a member with the invited roles', async () => {
    const owner = await newUser('Owner');
    const invitee = await newUser('Invitee');
    const project = await createProject(tdb.database, owner.id, { name: 'Invited project' });
    const { token, invitation } = await createInvitation(tdb.database, project.id, owner.id, ['coder', 'trainer'], ' Invitee@Example.org ');
    expect(invitation).toMatchObject({ projectId: project.id, projectName: 'Invited project', roles: ['coder', 'trainer'], email: 'invitee@example.org' });
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(INVITATION_DAYS - 0.01);
    expect(days).toBeLessThanOrEqual(INVITATION_DAYS);

    expect(await findInvitation(tdb.database, token)).toEqual(invitation);
    expect(await acceptInvitation(tdb.database, token, invitee.id)).toBe(project.id);
    expect(await actorIn(tdb.database, project.id, invitee.id)).toEqual({ userId: invitee.id, roles: ['coder', 'trainer'] });
    expect(await listMembers(tdb.database, project.id)).toContainEqual(expect.objectContaining({ userId: invitee.id, roles: ['coder', 'trainer'], removed: false }));
    expect(await kinds(project.id)).toEqual(expect.arrayContaining(['invitation.created', 'member.joined']));
  });

  it('a link works once: a second accept returns null and adds no one', async () => {
    const { project, owner } = await projectWithMember();
    const first = await newUser();
    const second = await newUser();
    const { token } = await createInvitation(tdb.database, project.id, owner.id, ['supervisor'], null);
    expect(await acceptInvitation(tdb.database, token, first.id)).toBe(project.id);
    expect(await findInvitation(tdb.database, token)).toBeNull();
    expect(await acceptInvitation(tdb.database, token, first.id)).toBeNull();
    expect(await acceptInvitation(tdb.database, token, second.id)).toBeNull();
    expect((await actorIn(tdb.database, project.id, second.id)).roles).toEqual([]);
  });

  it('a link accepted by two people at the same time admits only one', async () => {
    const { project, owner } = await projectWithMember();
    const racers = [await newUser(), await newUser(), await newUser()];
    const { token } = await createInvitation(tdb.database, project.id, owner.id, ['coder'], null);
    const results = await Promise.all(racers.map((u) => acceptInvitation(tdb.database, token, u.id)));
    expect(results.filter((r) => r === project.id)).toHaveLength(1);
    const members = await listMembers(tdb.database, project.id);
    expect(members.filter((m) => racers.some((u) => u.id === m.userId))).toHaveLength(1);
  });

  it('a revoked link is invalid', async () => {
    const { project, owner } = await projectWithMember();
    const invitee = await newUser();
    const { token, invitation } = await createInvitation(tdb.database, project.id, owner.id, ['coder'], null);
    await revokeInvitation(tdb.database, project.id, invitation.id, owner.id);
    expect(await findInvitation(tdb.database, token)).toBeNull();
    expect(await acceptInvitation(tdb.database, token, invitee.id)).toBeNull();
    expect((await actorIn(tdb.database, project.id, invitee.id)).roles).toEqual([]);
    expect(await kinds(project.id)).toContain('invitation.revoked');
  });

  it('an expired link is invalid', async () => {
    const { project, owner } = await projectWithMember();
    const invitee = await newUser();
    const { token, invitation } = await createInvitation(tdb.database, project.id, owner.id, ['coder'], null);
    // Seen from the moment it expires…
    expect(await findInvitation(tdb.database, token, invitation.expiresAt)).toBeNull();
    expect(await findInvitation(tdb.database, token, new Date(invitation.expiresAt.getTime() - 1000))).not.toBeNull();
    // …and once its expiry has actually passed.
    await tdb.database.transaction((tx) => tx.update(tdb.database.t.invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(tdb.database.t.invitations.id, invitation.id)));
    expect(await findInvitation(tdb.database, token)).toBeNull();
    expect(await acceptInvitation(tdb.database, token, invitee.id)).toBeNull();
    expect((await actorIn(tdb.database, project.id, invitee.id)).roles).toEqual([]);
  });

  it('stores only the hash of the token, never the token itself', async () => {
    const { project, owner } = await projectWithMember();
    const { token, invitation } = await createInvitation(tdb.database, project.id, owner.id, ['coder'], null);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const rows = await rawQuery<Record<string, unknown>>(tdb.target, 'SELECT * FROM invitations');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.stringify(row)).not.toContain(token);
    const row = rows.find((r) => r.id === invitation.id)!;
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    // Knowing the stored hash does not open the invitation.
    expect(await findInvitation(tdb.database, String(row.token_hash))).toBeNull();
  });
});

describe('member roles and removal', () => {
  it("setMemberRoles changes the roles and records 'member.roles-changed'", async () => {
    const { project, owner, member } = await projectWithMember(['coder']);
    await setMemberRoles(tdb.database, project.id, member.id, ['coder', 'supervisor'], owner.id);
    expect((await actorIn(tdb.database, project.id, member.id)).roles).toEqual(['coder', 'supervisor']);
    const event = (await listAudit(tdb.database, project.id)).find((e) => e.kind === 'member.roles-changed');
    expect(event).toMatchObject({ subject: member.id, actorName: owner.name, detail: { from: ['coder'], to: ['coder', 'supervisor'] } });
  });

  it('refuses to take the owner role from, or remove, the last owner', async () => {
    const { project, owner } = await projectWithMember();
    const demote = await rejectionOf(setMemberRoles(tdb.database, project.id, owner.id, ['coder'], owner.id));
    expect(demote).toBeInstanceOf(DomainError);
    expect(demote).toMatchObject({ kind: 'conflict', key: 'members.lastOwner' });
    const remove = await rejectionOf(removeMember(tdb.database, project.id, owner.id, owner.id));
    expect(remove).toMatchObject({ kind: 'conflict', key: 'members.lastOwner' });
    expect((await actorIn(tdb.database, project.id, owner.id)).roles).toEqual(['owner']);
    expect(await kinds(project.id)).not.toContain('member.removed');
  });

  it('lets an owner step down once another member is owner too', async () => {
    const { project, owner, member } = await projectWithMember(['coder']);
    await setMemberRoles(tdb.database, project.id, member.id, ['owner', 'coder'], owner.id);
    await removeMember(tdb.database, project.id, owner.id, member.id);
    expect((await actorIn(tdb.database, project.id, owner.id)).roles).toEqual([]);
  });

  it('two owners removing each other at the same time leave one owner', async () => {
    const [a, b] = [await newUser('Owner'), await newUser('Owner')];
    // A race: repeat it, so that an unguarded interleaving shows up reliably.
    for (let round = 0; round < 10; round++) {
      const project = await createProject(tdb.database, a.id, { name: `Race ${round}` });
      await tdb.database.transaction((tx) => addMember(tx, tdb.database, project.id, b.id, ['owner'], a.id));
      const results = await Promise.allSettled([removeMember(tdb.database, project.id, b.id, a.id), removeMember(tdb.database, project.id, a.id, b.id)]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(['fulfilled', 'rejected']);
      const owners = (await listMembers(tdb.database, project.id)).filter((m) => !m.removed && m.roles.includes('owner'));
      expect(owners, `round ${round}`).toHaveLength(1);
    }
  });

  it('removeMember keeps the user and their membership row, marked removed, without access', async () => {
    const { project, owner, member } = await projectWithMember(['coder']);
    await removeMember(tdb.database, project.id, member.id, owner.id);
    expect(await getUser(tdb.database, member.id)).toMatchObject({ id: member.id, name: member.name });
    expect(await listMembers(tdb.database, project.id)).toContainEqual(expect.objectContaining({ userId: member.id, name: member.name, removed: true }));
    expect(await actorIn(tdb.database, project.id, member.id)).toEqual({ userId: member.id, roles: [] });
    expect(await listProjectsOf(tdb.database, member.id)).toEqual([]);
    const event = (await listAudit(tdb.database, project.id)).find((e) => e.kind === 'member.removed');
    expect(event).toMatchObject({ subject: member.id, actorName: owner.name });
  });

  it('a removed member who is invited again comes back with only the new roles', async () => {
    const { project, owner, member } = await projectWithMember(['coder', 'trainer']);
    await removeMember(tdb.database, project.id, member.id, owner.id);
    const { token } = await createInvitation(tdb.database, project.id, owner.id, ['supervisor'], null);
    expect(await acceptInvitation(tdb.database, token, member.id)).toBe(project.id);
    expect((await actorIn(tdb.database, project.id, member.id)).roles).toEqual(['supervisor']);
    expect(await listMembers(tdb.database, project.id)).toContainEqual(expect.objectContaining({ userId: member.id, removed: false }));
  });
});
