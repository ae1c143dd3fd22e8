/*
 * Cases and sessions: case numbers unique per project, sessions cut into intervals, and
 * the coders assigned to a session. Starts from the demo project (lib/demo/seed.ts).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type User } from '@/lib/accounts/users';
import { createCase, listCases } from '@/lib/cases/cases';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { addMember, removeMember } from '@/lib/projects/members';
import { createProject } from '@/lib/projects/projects';
import { assignCoders, createSession, getSession, listAssignments, listSessions } from '@/lib/sessions/sessions';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { seedDemoProject, type DemoPerson } from './support/demo-project';
import { rejectionOf } from './support/errors';

let tdb: TestDatabase;
let projectId: string;
let demoSessionIds: string[];
let people: Record<DemoPerson, User>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ({ projectId, people } = await seedDemoProject(tdb.database));
  demoSessionIds = (await listSessions(tdb.database, projectId)).map((s) => s.id);
});
afterAll(async () => {
  await tdb?.drop();
});

let counter = 0;
async function newCase(pid = projectId) {
  return createCase(tdb.database, pid, { caseNumber: `T-${++counter}` });
}
async function newSession(input: Record<string, unknown> = {}) {
  const kase = await newCase();
  return createSession(tdb.database, projectId, people.owner.id, { caseId: kase.id, label: `Session ${counter}`, durationMinutes: 50, ...input });
}
/** Another coder in the demo project. */
async function newCoder() {
  const user = await createUser(tdb.database, { email: `extra.coder${++counter}@example.org`, name: `Extra Coder ${counter}`, password: 'coder password' });
  await tdb.database.transaction((tx) => addMember(tx, tdb.database, projectId, user.id, ['coder'], people.owner.id));
  return user;
}
async function codersOf(sessionId: string) {
  return ((await listAssignments(tdb.database, [sessionId])).get(sessionId) ?? []).map((a) => a.coderId).sort();
}

describe('cases', () => {
  it("refuses a case number already used in the project as DomainError 'case.duplicate' on caseNumber", async () => {
    await createCase(tdb.database, projectId, { caseNumber: 'DUP-1' });
    const e = await rejectionOf(createCase(tdb.database, projectId, { caseNumber: ' DUP-1 ' }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: 'conflict', key: 'case.duplicate', field: 'caseNumber', params: { caseNumber: 'DUP-1' } });
    expect((await listCases(tdb.database, projectId)).filter((c) => c.caseNumber === 'DUP-1')).toHaveLength(1);
  });

  it('allows the same case number in another project', async () => {
    const other = await createProject(tdb.database, people.owner.id, { name: 'Another study' });
    await createCase(tdb.database, projectId, { caseNumber: 'SHARED-1' });
    const kase = await createCase(tdb.database, other.id, { caseNumber: 'SHARED-1', note: 'elsewhere' });
    expect(await listCases(tdb.database, other.id)).toEqual([kase]);
  });

  it('requires a case number', async () => {
    const e = await rejectionOf(createCase(tdb.database, projectId, { caseNumber: '   ' }));
    expect((e as ValidationError).fields).toEqual({ caseNumber: 'field.required' });
  });
});

describe('createSession', () => {
  it('cuts 50 minutes into ten whole 5-minute intervals', async () => {
    const session = await newSession({ durationMinutes: 50, intervalMinutes: 5 });
    expect(session).toMatchObject({ durationSeconds: 3000, intervalSeconds: 300, status: 'coding' });
    expect(session.intervals).toHaveLength(10);
    expect(session.intervals.every((i) => !i.partial && i.endSeconds - i.startSeconds === 300)).toBe(true);
    expect(session.intervals.at(-1)).toEqual({ index: 9, startSeconds: 2700, endSeconds: 3000, partial: false });
  });

  it('cuts 52 minutes into eleven intervals, the last a partial one of 2 minutes', async () => {
    const session = await newSession({ durationMinutes: 52, intervalMinutes: 5 });
    expect(session.intervals).toHaveLength(11);
    expect(session.intervals.slice(0, 10).every((i) => !i.partial)).toBe(true);
    expect(session.intervals.at(-1)).toEqual({ index: 10, startSeconds: 3000, endSeconds: 3120, partial: true });
    // The stored session gives the same intervals back.
    expect((await getSession(tdb.database, projectId, session.id))?.intervals).toEqual(session.intervals);
  });

  it('uses 5-minute intervals when none is given', async () => {
    const session = await newSession({ durationMinutes: 30, intervalMinutes: undefined });
    expect(session.intervalSeconds).toBe(300);
    expect(session.intervals).toHaveLength(6);
  });

  it('refuses an interval longer than the recording', async () => {
    const kase = await newCase();
    const e = await rejectionOf(createSession(tdb.database, projectId, people.owner.id, { caseId: kase.id, label: 'Short', durationMinutes: 4, intervalMinutes: 5 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ intervalMinutes: 'field.intervalTooLong' });
    expect((await listSessions(tdb.database, projectId)).some((s) => s.caseId === kase.id)).toBe(false);
  });

  it('refuses a case of another project', async () => {
    const other = await createProject(tdb.database, people.owner.id, { name: 'Foreign study' });
    const foreign = await newCase(other.id);
    const e = await rejectionOf(createSession(tdb.database, projectId, people.owner.id, { caseId: foreign.id, label: 'Foreign', durationMinutes: 50 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ caseId: 'field.unknownCase' });
    expect(await listSessions(tdb.database, other.id)).toEqual([]);
  });
});

describe('assignCoders', () => {
  it('the demo sessions have the two demo coders each', async () => {
    expect(demoSessionIds.length).toBeGreaterThanOrEqual(2);
    for (const id of demoSessionIds) expect(await codersOf(id)).toEqual([people.coderA.id, people.coderB.id].sort());
  });

  it('accepts more than two coders', async () => {
    const session = await newSession();
    const third = await newCoder();
    await assignCoders(tdb.database, projectId, session.id, [people.coderA.id, people.coderB.id, third.id], people.owner.id);
    expect(await codersOf(session.id)).toEqual([people.coderA.id, people.coderB.id, third.id].sort());
  });

  it.each([
    ['a trainer', () => people.trainer.id],
    ['a supervisor', () => people.supervisor.id],
    ['the owner', () => people.owner.id],
  ])("refuses %s, who is not a coder, with 'assign.notCoder'", async (_who, id) => {
    const session = await newSession();
    const e = await rejectionOf(assignCoders(tdb.database, projectId, session.id, [people.coderA.id, id()], people.owner.id));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ key: 'assign.notCoder', field: 'coders' });
    expect(await codersOf(session.id)).toEqual([]);
  });

  it('refuses a non-member and a removed coder', async () => {
    const session = await newSession();
    const stranger = await createUser(tdb.database, { email: `stranger${++counter}@example.org`, name: 'Stranger', password: 'stranger password' });
    expect(await rejectionOf(assignCoders(tdb.database, projectId, session.id, [stranger.id], people.owner.id))).toMatchObject({ key: 'assign.notCoder' });
    const leaver = await newCoder();
    await removeMember(tdb.database, projectId, leaver.id, people.owner.id);
    expect(await rejectionOf(assignCoders(tdb.database, projectId, session.id, [leaver.id], people.owner.id))).toMatchObject({ key: 'assign.notCoder' });
  });

  it('replaces coders who have not submitted, but keeps one who already submitted', async () => {
    const session = await newSession();
    const third = await newCoder();
    await assignCoders(tdb.database, projectId, session.id, [people.coderA.id, people.coderB.id], people.owner.id);
    const { t } = tdb.database;
    await tdb.database.transaction((tx) =>
      tx.update(t.assignments).set({ submittedAt: new Date() }).where(and(eq(t.assignments.sessionId, session.id), eq(t.assignments.coderId, people.coderA.id))),
    );
    await assignCoders(tdb.database, projectId, session.id, [third.id], people.owner.id);
    expect(await codersOf(session.id)).toEqual([people.coderA.id, third.id].sort());
    const a = (await listAssignments(tdb.database, [session.id])).get(session.id)!.find((x) => x.coderId === people.coderA.id);
    expect(a?.submitted).toBe(true);
  });

  it("refuses changes once the session is revealed, with 'assign.locked'", async () => {
    const session = await newSession();
    await assignCoders(tdb.database, projectId, session.id, [people.coderA.id, people.coderB.id], people.owner.id);
    const { t } = tdb.database;
    await tdb.database.transaction((tx) => tx.update(t.sessions).set({ status: 'revealed' }).where(eq(t.sessions.id, session.id)));
    const e = await rejectionOf(assignCoders(tdb.database, projectId, session.id, [people.coderA.id], people.owner.id));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: 'conflict', key: 'assign.locked' });
    expect(await codersOf(session.id)).toEqual([people.coderA.id, people.coderB.id].sort());
  });

  it('refuses a session of another project as not found', async () => {
    const session = await newSession();
    const other = await createProject(tdb.database, people.owner.id, { name: 'Third study' });
    const e = await rejectionOf(assignCoders(tdb.database, other.id, session.id, [], people.owner.id));
    expect(e).toMatchObject({ kind: 'not-found' });
  });
});
