/*
 * Hiding double-coding (project setting), through the lib functions the pages and routes use:
 * a single-coded research session is finalized at submit with the tally as its consensus; a
 * double-coded one reveals only when both coders submitted; while coding, a coder sees only
 * their own assignment, and a submit answers the same whether or not a partner exists. Also:
 * listSessions' purposes, and the tally export keeping gold standards from coders and trainees.
 * Starts from the demo project (lib/demo/seed.ts); runs on SQLite and on PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { createCase } from '@/lib/cases/cases';
import { flattenBehaviours } from '@/lib/codebook/model';
import type { Actor } from '@/lib/policy/policy';
import { actorIn } from '@/lib/projects/projects';
import { getProjectSettings, updateProjectSettings } from '@/lib/projects/settings';
import { coderView, submitAnswer } from '@/lib/sessions/coder-view';
import { assignCoders, createSession, getSession, listAssignments, listSessions } from '@/lib/sessions/sessions';
import { loadTallyContext } from '@/lib/tally/access';
import { CONSENSUS, exportTallies } from '@/lib/tally/exchange';
import type { CellWrite } from '@/lib/tally/model';
import { submitTally, writeTally } from '@/lib/tally/tallies';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { seedDemoProject } from './support/demo-project';

type Person = 'owner' | 'coderA' | 'coderB' | 'trainer' | 'supervisor' | 'trainee';

let tdb: TestDatabase;
let projectId: string;
let codebookVersionId: string;
let behaviourKeys: string[];
const people = {} as Record<Person, User>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const demo = await seedDemoProject(tdb.database);
  projectId = demo.projectId;
  Object.assign(people, demo.people, { trainee: demo.people.traineeA });
  const [first] = await listSessions(tdb.database, projectId);
  codebookVersionId = first!.codebookVersionId!;
  behaviourKeys = flattenBehaviours((await loadTallyContext(tdb.database, projectId, first!.id))!.codebook).map((p) => p.behaviour.key);
  await updateProjectSettings(tdb.database, projectId, people.owner.id, { hideDoubleCoding: true });
});
afterAll(async () => {
  await tdb?.drop();
});

const d = () => tdb.database;
const actor = (who: Person): Promise<Actor> => actorIn(d(), projectId, people[who].id);
const ctxOf = async (sessionId: string) => (await loadTallyContext(d(), projectId, sessionId))!;

let counter = 0;
async function newSession(coders: Person[]): Promise<string> {
  const kase = await createCase(d(), projectId, { caseNumber: `HD-${++counter}` });
  const session = await createSession(d(), projectId, people.owner.id, { caseId: kase.id, label: `Hidden ${counter}`, durationMinutes: 50, intervalMinutes: 5, codebookVersionId });
  await assignCoders(d(), projectId, session.id, coders.map((c) => people[c].id), people.owner.id);
  return session.id;
}
const cell = (b: number, interval: number, value: 0 | 1 = 1): CellWrite => ({ behaviourKey: behaviourKeys[b]!, interval, value, note: '', moments: [], clientTime: Date.now() });

/** Submits as a coder and returns what the submit route answers that coder. */
async function submitAs(who: Person, sessionId: string) {
  const ctx = await ctxOf(sessionId);
  const me = await actor(who);
  const result = await submitTally(d(), me, ctx);
  return { result, answer: submitAnswer(me, (await getProjectSettings(d(), projectId)).hideDoubleCoding, ctx.session, ctx.assignments.length, result) };
}
async function viewOf(who: Person, sessionId: string) {
  const session = (await getSession(d(), projectId, sessionId))!;
  const assignments = (await listAssignments(d(), [sessionId])).get(sessionId) ?? [];
  return coderView(await actor(who), (await getProjectSettings(d(), projectId)).hideDoubleCoding, session, assignments);
}

describe('a single-coded session', () => {
  it('is finalized at submit, and its consensus is the tally', async () => {
    const sessionId = await newSession(['coderA']);
    const marks = [cell(0, 0), cell(1, 3), cell(2, 9), cell(0, 4, 0)];
    await writeTally(d(), await actor('coderA'), await ctxOf(sessionId), { cells: marks, ratings: [] });
    expect((await viewOf('coderA', sessionId)).assignments.map((a) => a.coderId)).toEqual([people.coderA.id]);

    const { result, answer } = await submitAs('coderA', sessionId);
    expect(result).toEqual({ revealed: false, finalized: true });
    // The coder's answer is the one a double-coded session waiting for its partner gives.
    expect(answer).toEqual({ revealed: false });
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('finalized');

    const { t } = d();
    const consensus = await d().db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, sessionId));
    expect(consensus).toHaveLength(behaviourKeys.length * 10);
    const ones = consensus.filter((c) => c.value === 1).map((c) => `${c.behaviourKey}|${c.interval}`).sort();
    expect(ones).toEqual([`${behaviourKeys[0]}|0`, `${behaviourKeys[1]}|3`, `${behaviourKeys[2]}|9`].sort());
    const tally = await d().db.select().from(t.tallyCells).where(and(eq(t.tallyCells.sessionId, sessionId), eq(t.tallyCells.value, 1)));
    expect(tally.map((c) => `${c.behaviourKey}|${c.interval}`).sort()).toEqual(ones);
    expect((await listAudit(d(), projectId)).some((e) => e.kind === 'session.finalized' && e.subject === sessionId)).toBe(true);

    // The coder keeps seeing "submitted" only; the owner sees it finalized.
    const coder = await viewOf('coderA', sessionId);
    expect(coder).toMatchObject({ coderList: false, status: 'coding' });
    expect(coder.assignments).toEqual([expect.objectContaining({ coderId: people.coderA.id, submitted: true })]);
    expect(await viewOf('owner', sessionId)).toMatchObject({ coderList: true, status: 'finalized' });
  });
});

describe('a double-coded session', () => {
  it('reveals only when both coders submitted; until then each coder sees only themself', async () => {
    const sessionId = await newSession(['coderA', 'coderB']);
    await writeTally(d(), await actor('coderA'), await ctxOf(sessionId), { cells: [cell(0, 0)], ratings: [] });
    await writeTally(d(), await actor('coderB'), await ctxOf(sessionId), { cells: [cell(0, 1)], ratings: [] });

    for (const who of ['coderA', 'coderB'] as const) {
      const view = await viewOf(who, sessionId);
      expect(view.coderList).toBe(false);
      expect(view.assignments.map((a) => a.coderId)).toEqual([people[who].id]);
      expect(JSON.stringify(view)).not.toContain(people[who === 'coderA' ? 'coderB' : 'coderA'].name);
    }
    for (const who of ['owner', 'supervisor', 'trainer'] as const) expect((await viewOf(who, sessionId)).assignments).toHaveLength(2);

    const first = await submitAs('coderA', sessionId);
    expect(first.result).toEqual({ revealed: false, finalized: false });
    expect(first.answer).toEqual({ revealed: false });
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('coding');
    // A's partner sees nothing of A's submit.
    const partner = await viewOf('coderB', sessionId);
    expect(partner.assignments).toEqual([expect.objectContaining({ coderId: people.coderB.id, submitted: false })]);
    expect((await viewOf('coderA', sessionId)).assignments).toEqual([expect.objectContaining({ coderId: people.coderA.id, submitted: true })]);

    const second = await submitAs('coderB', sessionId);
    expect(second.result).toEqual({ revealed: true, finalized: false });
    expect(second.answer).toEqual({ revealed: true, finalized: false });
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('revealed');
    const { t } = d();
    expect(await d().db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, sessionId))).toEqual([]);

    // Revealed: seen as usual.
    const after = await viewOf('coderA', sessionId);
    expect(after).toMatchObject({ coderList: true, status: 'revealed' });
    expect(after.assignments.map((a) => a.coderId).sort()).toEqual([people.coderA.id, people.coderB.id].sort());
  });

  it('shows everything to coders while the setting is off', async () => {
    await updateProjectSettings(d(), projectId, people.owner.id, { hideDoubleCoding: false });
    try {
      const sessionId = await newSession(['coderA', 'coderB']);
      expect(await viewOf('coderA', sessionId)).toMatchObject({ coderList: true, status: 'coding' });
      expect((await viewOf('coderA', sessionId)).assignments).toHaveLength(2);
      await writeTally(d(), await actor('coderA'), await ctxOf(sessionId), { cells: [cell(0, 0)], ratings: [] });
      expect((await submitAs('coderA', sessionId)).answer).toEqual({ revealed: false, finalized: false });
    } finally {
      await updateProjectSettings(d(), projectId, people.owner.id, { hideDoubleCoding: true });
    }
  });
});

describe('session purposes', () => {
  it('lists research sessions by default, gold and calibration only when asked', async () => {
    const research = await listSessions(d(), projectId);
    expect(research.length).toBeGreaterThan(0);
    expect(research.every((s) => s.purpose === 'research')).toBe(true);
    const withGold = await listSessions(d(), projectId, ['research', 'gold']);
    expect(withGold.some((s) => s.purpose === 'gold')).toBe(true);
    expect(withGold.some((s) => s.purpose === 'calibration')).toBe(false);
    expect(withGold.length).toBeGreaterThan(research.length);
    expect((await listSessions(d(), projectId, ['calibration'])).every((s) => s.purpose === 'calibration')).toBe(true);
    expect(await listSessions(d(), projectId, [])).toEqual([]);
  });

  it('exports a gold standard only to who runs or supervises calibration, never to coders or trainees', async () => {
    const gold = (await listSessions(d(), projectId, ['gold'])).find((s) => s.status === 'finalized')!;
    expect(gold).toBeDefined();
    const goldConsensus = (csv: string) => csv.split(/\r?\n/).filter((l) => l.startsWith(`${gold.caseNumber},${gold.label},${CONSENSUS},`));
    expect(goldConsensus(await exportTallies(d(), await actor('trainer'), projectId)).length).toBeGreaterThan(0);
    expect(goldConsensus(await exportTallies(d(), await actor('owner'), projectId)).length).toBeGreaterThan(0);
    expect(goldConsensus(await exportTallies(d(), await actor('supervisor'), projectId)).length).toBeGreaterThan(0);
    expect(goldConsensus(await exportTallies(d(), await actor('coderA'), projectId))).toEqual([]);
    const trainee = await exportTallies(d(), await actor('trainee'), projectId);
    expect(trainee.trim().split(/\r?\n/)).toHaveLength(1); // the header only: no research data, no gold
  });
});
