/*
 * What the blind-tallying tests share: the demo project with a third coder (never assigned)
 * and an outsider, fresh sessions on the demo codebook, and tally calls as a person.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createUser, type User } from '@/lib/accounts/users';
import { createCase } from '@/lib/cases/cases';
import { flattenBehaviours } from '@/lib/codebook/model';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { addMember } from '@/lib/projects/members';
import { actorIn } from '@/lib/projects/projects';
import { assignCoders, createSession, listSessions } from '@/lib/sessions/sessions';
import { loadTallyContext, type TallyContext } from '@/lib/tally/access';
import type { CellWrite } from '@/lib/tally/model';
import { readTally, submitTally, writeTally, type Tally } from '@/lib/tally/tallies';
import { seedDemoProject, type DemoPerson } from './demo-project';
import { createTestDatabase, type TestDatabase } from './test-database';

export type Person = DemoPerson | 'coderC' | 'outsider';

export const SECRET_NOTE = 'A-private-note-7f3c: the worker sighs here';
export const T0 = 1_732_000_000_000; // a realistic Date.now(): needs 64-bit storage

/** Registers the file's beforeAll/afterAll and returns the helpers; `projectId` and `behaviourKeys` are ready inside tests. */
export function useTallyFixture() {
  let tdb: TestDatabase;
  let projectId = '';
  let codebookVersionId = '';
  let behaviourKeys: string[] = [];
  const people = {} as Record<Person, User>;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const demo = await seedDemoProject(tdb.database);
    projectId = demo.projectId;
    Object.assign(people, demo.people);
    // A third coder in the project, never assigned to the sessions below.
    people.coderC = await createUser(tdb.database, { email: 'coder.c@example.org', name: 'Cas Coder', password: 'coder c password' });
    await tdb.database.transaction((tx) => addMember(tx, tdb.database, projectId, people.coderC.id, ['coder'], people.owner.id));
    people.outsider = await createUser(tdb.database, { email: 'outsider@example.org', name: 'Out Sider', password: 'outsider password' });
    const [demoSession] = await listSessions(tdb.database, projectId);
    codebookVersionId = demoSession!.codebookVersionId!;
    const ctx = (await loadTallyContext(tdb.database, projectId, demoSession!.id))!;
    behaviourKeys = flattenBehaviours(ctx.codebook).map((p) => p.behaviour.key);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  const d = () => tdb.database;
  const actor = (who: Person): Promise<Actor> => actorIn(d(), projectId, people[who].id);
  const ctxOf = async (sessionId: string): Promise<TallyContext> => (await loadTallyContext(d(), projectId, sessionId))!;
  let counter = 0;

  return {
    d,
    people,
    actor,
    ctxOf,
    get projectId() {
      return projectId;
    },
    get behaviourKeys() {
      return behaviourKeys;
    },
    /** A fresh 50-minute session (ten intervals) on the demo codebook, coders A and B assigned. */
    async newSession(coders: Person[] = ['coderA', 'coderB']): Promise<string> {
      const kase = await createCase(d(), projectId, { caseNumber: `BL-${++counter}` });
      const session = await createSession(d(), projectId, people.owner.id, { caseId: kase.id, label: `Blind ${counter}`, durationMinutes: 50, intervalMinutes: 5, codebookVersionId });
      await assignCoders(d(), projectId, session.id, coders.map((c) => people[c].id), people.owner.id);
      return session.id;
    },
    cell(b: number, interval: number, value: 0 | 1 = 1, clientTime = T0, note = '', moments: number[] = []): CellWrite {
      return { behaviourKey: behaviourKeys[b]!, interval, value, note, moments, clientTime };
    },
    async write(who: Person, sessionId: string, cells: CellWrite[], ratings: unknown[] = []) {
      return writeTally(d(), await actor(who), await ctxOf(sessionId), { cells, ratings });
    },
    async read(who: Person, sessionId: string, coder: Person): Promise<Tally> {
      return readTally(d(), await actor(who), await ctxOf(sessionId), people[coder].id);
    },
    async submit(who: Person, sessionId: string) {
      return submitTally(d(), await actor(who), await ctxOf(sessionId));
    },
    /** The stored rows of one coder's tally, straight from the table. */
    async storedCells(sessionId: string, coder: Person) {
      const { t } = d();
      const rows = await d()
        .db.select()
        .from(t.tallyCells)
        .where(and(eq(t.tallyCells.sessionId, sessionId), eq(t.tallyCells.coderId, people[coder].id)));
      return rows.map((r) => ({ behaviourKey: r.behaviourKey, interval: r.interval, value: r.value, note: r.note, moments: JSON.parse(r.moments) as number[], clientTime: Number(r.clientTime) })).sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
    },
    sorted(cells: readonly CellWrite[]) {
      return [...cells].sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
    },
    /** The refusal must carry a bare message key: nothing about the marks, notes or counts. */
    expectBareRefusal(e: unknown, kind: 'forbidden' | 'not-found') {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.kind).toBe(kind);
      expect(err.key).toBe(kind === 'forbidden' ? 'error.forbidden' : 'error.notFound');
      expect(err.message).toBe(err.key);
      expect(err.params).toEqual({});
      expect(err.field).toBeUndefined();
      const everything = JSON.stringify({ ...err, message: err.message });
      expect(everything).not.toContain(SECRET_NOTE);
      expect(everything).not.toMatch(/\d/); // no counts, no intervals, no times
      for (const key of behaviourKeys) expect(everything).not.toContain(key);
    },
  };
}
