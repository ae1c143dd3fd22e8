/*
 * A calibration round end to end through the lib functions the pages use: a trainer settles a
 * gold standard by coding it alone, opens a round for three trainees, the trainees tally and
 * submit blind, the round waits for the trainer's reveal, and afterwards each member sees
 * only what decideRoundView gives them (no tallies of others, no names, no gold unless the
 * trainer chose so). Starts from the demo project; runs on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type User } from '@/lib/accounts/users';
import { calibrationStatuses, calibrationTrends, roundReport } from '@/lib/calibration/report';
import { createGoldRecording, createRound, getRound, listGoldRecordings, revealRound, type Round } from '@/lib/calibration/rounds';
import { flattenBehaviours } from '@/lib/codebook/model';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { addMember } from '@/lib/projects/members';
import { actorIn } from '@/lib/projects/projects';
import { updateProjectSettings } from '@/lib/projects/settings';
import { getSession, listSessions } from '@/lib/sessions/sessions';
import { loadTallyContext } from '@/lib/tally/access';
import type { CellWrite } from '@/lib/tally/model';
import { readTally, submitTally, writeTally } from '@/lib/tally/tallies';
import { rejectionOf } from './support/errors';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { seedDemoProject } from './support/demo-project';

type Person = 'owner' | 'trainer' | 'supervisor' | 'coderA' | 'traineeA' | 'traineeB' | 'traineeC' | 'traineeD';

let tdb: TestDatabase;
let projectId: string;
let codebookVersionId: string;
let behaviourKeys: string[];
const people = {} as Record<Person, User>;

const d = () => tdb.database;
const actor = (who: Person): Promise<Actor> => actorIn(d(), projectId, people[who].id);
const ctxOf = async (sessionId: string) => (await loadTallyContext(d(), projectId, sessionId))!;

const T0 = 1_732_000_000_000;
const mark = (b: number, interval: number, value: 0 | 1 = 1): CellWrite => ({ behaviourKey: behaviourKeys[b]!, interval, value, note: '', moments: [], clientTime: T0 });

/** The gold standard: behaviours 0–5 in intervals 0–4, behaviour 6 everywhere. */
const gold = (): CellWrite[] => [...Array.from({ length: 6 }, (_, b) => Array.from({ length: 5 }, (_, i) => mark(b, i))).flat(), ...Array.from({ length: 10 }, (_, i) => mark(6, i))];
/** Trainee A marks exactly the gold standard; B misses half of it; C marks elsewhere. */
const tallies = (): Record<'traineeA' | 'traineeB' | 'traineeC', CellWrite[]> => ({
  traineeA: gold(),
  traineeB: gold().filter((_, i) => i % 2 === 0),
  traineeC: Array.from({ length: 12 }, (_, b) => mark(b + 10, b % 10)),
});
// Filled once the codebook is known (beforeAll).
let GOLD: CellWrite[] = [];
let TALLIES: ReturnType<typeof tallies>;

async function tallyAndSubmit(who: Person, sessionId: string, cells: CellWrite[]) {
  const me = await actor(who);
  expect(await writeTally(d(), me, await ctxOf(sessionId), { cells, ratings: [] })).toEqual({ ok: true, applied: cells.length });
  return submitTally(d(), me, await ctxOf(sessionId));
}

function expectRefusal(e: unknown, kind: 'forbidden' | 'not-found' | 'conflict' = 'forbidden') {
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).kind).toBe(kind);
}

let goldId: string;
let round: Round;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const demo = await seedDemoProject(d());
  projectId = demo.projectId;
  Object.assign(people, demo.people);
  // A fourth trainee of the project who is not in the round.
  people.traineeD = await createUser(d(), { email: 'trainee.d@example.org', name: 'Dirk Trainee', password: 'trainee d password' });
  await d().transaction((tx) => addMember(tx, d(), projectId, people.traineeD.id, ['trainee'], people.owner.id));
  const [research] = await listSessions(d(), projectId);
  codebookVersionId = research!.codebookVersionId!;
  behaviourKeys = flattenBehaviours((await ctxOf(research!.id)).codebook).map((p) => p.behaviour.key);
  GOLD = gold();
  TALLIES = tallies();
});
afterAll(async () => {
  await tdb?.drop();
});

describe('a gold standard settled by its trainer alone', () => {
  it('the trainer creates a calibration recording and settles it by submitting alone', async () => {
    const trainer = await actor('trainer');
    const gold = await createGoldRecording(d(), trainer, projectId, { caseNumber: 'T-IT', label: 'IT training recording', durationMinutes: 50, intervalMinutes: 5, codebookVersionId, coderIds: [people.trainer.id] });
    goldId = gold.id;
    expect(gold.purpose).toBe('gold');
    expect((await listGoldRecordings(d(), projectId)).find((g) => g.session.id === goldId)?.settled).toBe(false);
    expect(await tallyAndSubmit('trainer', goldId, GOLD)).toEqual({ revealed: false, finalized: true });
    expect((await getSession(d(), projectId, goldId))?.status).toBe('finalized');
    expect((await listGoldRecordings(d(), projectId)).find((g) => g.session.id === goldId)?.settled).toBe(true);
  });

  it('a trainee cannot create a recording or a round', async () => {
    expectRefusal(await rejectionOf(createGoldRecording(d(), await actor('traineeA'), projectId, { caseNumber: 'T-X', label: 'nope', durationMinutes: 10, intervalMinutes: 5 })));
    expectRefusal(await rejectionOf(createRound(d(), await actor('traineeA'), projectId, { goldSessionId: goldId, traineeIds: [people.traineeA.id], showGold: true, showNames: true })));
  });
});

describe('a round with the gold standard and names hidden', () => {
  beforeAll(async () => {
    round = await createRound(d(), await actor('trainer'), projectId, {
      goldSessionId: goldId,
      traineeIds: [people.traineeA.id, people.traineeB.id, people.traineeC.id],
      deadline: '2030-01-31',
      showGold: false,
      showNames: false,
    });
  });

  it('is created for the three trainees on the recording’s case, length and codebook version', async () => {
    expect(round.session.purpose).toBe('calibration');
    expect(round.session.caseNumber).toBe('T-IT');
    expect(round.session.intervals).toHaveLength(10);
    expect(round.session.codebookVersionId).toBe(codebookVersionId);
    expect(round.trainees.map((a) => a.coderId).sort()).toEqual([people.traineeA.id, people.traineeB.id, people.traineeC.id].sort());
    expect(round.revealed).toBe(false);
    expect(round.deadline?.getFullYear()).toBe(2030);
  });

  it('trainees tally and submit; the round does not reveal itself, even when everyone submitted', async () => {
    for (const who of ['traineeA', 'traineeB', 'traineeC'] as const) {
      expect(await tallyAndSubmit(who, round.session.id, TALLIES[who])).toEqual({ revealed: false, finalized: false });
    }
    const now = (await getRound(d(), projectId, round.id))!;
    expect(now.revealed).toBe(false);
    expect(now.session.status).toBe('coding');
    expect(now.trainees.every((a) => a.submitted)).toBe(true);
  });

  it('before the reveal nobody reads a trainee’s tally but the trainee: not a fellow trainee, the supervisor or the trainer', async () => {
    const ctx = await ctxOf(round.session.id);
    expect((await readTally(d(), await actor('traineeA'), ctx, people.traineeA.id)).cells).toHaveLength(GOLD.length);
    for (const who of ['traineeB', 'supervisor', 'trainer', 'owner', 'traineeD'] as const) {
      expectRefusal(await rejectionOf(readTally(d(), await actor(who), ctx, people.traineeA.id)));
    }
  });

  it('before the reveal a trainee’s report has progress only: no board, no figures, no other names', async () => {
    const report = await roundReport(d(), await actor('traineeB'), projectId, round.id);
    expect(report.view).toMatchObject({ progress: true, spread: false, gold: false, everyone: false, own: false });
    expect(report.board).toBeNull();
    expect(report.trainees).toEqual([]);
    expect(report.participants.filter((p) => !p.self).every((p) => p.name === null)).toBe(true);
    expect(report.participants.find((p) => p.self)?.name).toBe(people.traineeB.name);
    expect(report.participants.every((p) => p.submitted)).toBe(true);
  });

  it('a trainee outside the round sees nothing of it', async () => {
    expectRefusal(await rejectionOf(roundReport(d(), await actor('traineeD'), projectId, round.id)));
  });

  it('only the trainer (or owner) reveals it', async () => {
    expectRefusal(await rejectionOf(revealRound(d(), await actor('traineeA'), projectId, round.id)));
    expectRefusal(await rejectionOf(revealRound(d(), await actor('supervisor'), projectId, round.id)));
    await revealRound(d(), await actor('trainer'), projectId, round.id);
    expect((await getRound(d(), projectId, round.id))!.revealed).toBe(true);
    expectRefusal(await rejectionOf(revealRound(d(), await actor('trainer'), projectId, round.id)), 'conflict');
  });

  it('after the reveal a trainee still cannot read another trainee’s tally (names hidden); the supervisor and trainer can', async () => {
    const ctx = await ctxOf(round.session.id);
    expectRefusal(await rejectionOf(readTally(d(), await actor('traineeB'), ctx, people.traineeA.id)));
    expectRefusal(await rejectionOf(readTally(d(), await actor('traineeD'), ctx, people.traineeA.id)));
    expect((await readTally(d(), await actor('supervisor'), ctx, people.traineeA.id)).cells).toHaveLength(GOLD.length);
    expect((await readTally(d(), await actor('trainer'), ctx, people.traineeA.id)).cells).toHaveLength(GOLD.length);
  });

  it('after the reveal a trainee’s report has the spread and their own figures only, without names or gold', async () => {
    const report = await roundReport(d(), await actor('traineeB'), projectId, round.id);
    expect(report.view).toMatchObject({ spread: true, gold: false, everyone: false, own: true });
    expect(report.trainees.map((f) => f.traineeId)).toEqual([people.traineeB.id]);
    expect(report.trainees[0]!.overall.under).toBe(GOLD.length - TALLIES.traineeB.length);
    expect(report.trainees[0]!.overall.over).toBe(0);
    expect(report.board).not.toBeNull();
    expect(report.board!.cells.every((c) => c.gold === null && c.offGold === null)).toBe(true);
    expect(report.board!.group.trainees).toBe(3);
    const split = report.board!.cells.find((c) => c.behaviourKey === behaviourKeys[0] && c.interval === 1)!;
    expect([split.marked, split.of]).toEqual([1, 3]); // A marks it, B (every other gold cell) does not, C does not
    expect(report.participants.filter((p) => !p.self).every((p) => p.name === null)).toBe(true);
    // Nothing the page shows of the participants, figures or board names another trainee.
    const text = JSON.stringify({ participants: report.participants, trainees: report.trainees, board: report.board });
    expect(text).not.toContain(people.traineeA.name);
    expect(text).not.toContain(people.traineeC.name);
  });

  it('the trainer sees every trainee by name and the gold standard', async () => {
    const report = await roundReport(d(), await actor('trainer'), projectId, round.id);
    expect(report.view).toMatchObject({ spread: true, gold: true, everyone: true });
    expect(report.trainees).toHaveLength(3);
    expect(report.participants.every((p) => p.name !== null)).toBe(true);
    expect(report.board!.cells.some((c) => c.gold === 1)).toBe(true);
    const a = report.trainees.find((f) => f.traineeId === people.traineeA.id)!;
    expect(a.overall.percentAgreement.estimate).toBe(1);
    expect(a.pass.overall).toBe(true);
    expect(report.trainees.find((f) => f.traineeId === people.traineeC.id)!.pass.overall).toBe(false);
  });

  it('a trainee writing or submitting after the reveal is refused, and the tally is unchanged', async () => {
    const me = await actor('traineeC');
    const ctx = await ctxOf(round.session.id);
    // Refused as already submitted (409) or as revealed (403): either way nothing is written.
    expect(['forbidden', 'conflict']).toContain((await rejectionOf(writeTally(d(), me, ctx, { cells: [mark(0, 0)], ratings: [] })) as DomainError).kind);
    expect(await rejectionOf(submitTally(d(), me, ctx))).toBeInstanceOf(DomainError);
    expect((await readTally(d(), me, ctx, people.traineeC.id)).cells).toHaveLength(TALLIES.traineeC.length);
  });

  it('calibrationStatuses marks the perfect trainee calibrated and the others not', async () => {
    const statuses = await calibrationStatuses(d(), projectId);
    expect(statuses.get(people.traineeA.id)?.calibrated).toBe(true);
    expect(statuses.get(people.traineeA.id)?.latest?.roundId).toBe(round.id);
    expect(statuses.get(people.traineeC.id)?.calibrated).toBe(false);
    expect(statuses.has(people.traineeD.id)).toBe(false);
  });

  it('a trainee’s trend holds only their own points', async () => {
    const trends = await calibrationTrends(d(), await actor('traineeB'), projectId);
    expect([...trends.keys()]).toEqual([people.traineeB.id]);
    expect(trends.get(people.traineeB.id)!.map((p) => p.roundId)).toContain(round.id);
  });
});

describe('a round with names and gold shown', () => {
  let open: Round;
  beforeAll(async () => {
    open = await createRound(d(), await actor('trainer'), projectId, { goldSessionId: goldId, label: 'IT open round', traineeIds: [people.traineeA.id, people.traineeB.id], showGold: true, showNames: true });
    await tallyAndSubmit('traineeA', open.session.id, TALLIES.traineeA);
  });

  it('before the reveal a fellow trainee still cannot read a tally, whatever the round shows later', async () => {
    expectRefusal(await rejectionOf(readTally(d(), await actor('traineeB'), await ctxOf(open.session.id), people.traineeA.id)));
  });

  it('a reveal leaves out who did not submit; afterwards trainees read each other’s tallies and see names and gold', async () => {
    await revealRound(d(), await actor('trainer'), projectId, open.id);
    const ctx = await ctxOf(open.session.id);
    expect((await readTally(d(), await actor('traineeB'), ctx, people.traineeA.id)).cells).toHaveLength(GOLD.length);
    // Trainee B never submitted: after the reveal B can no longer write or submit.
    expectRefusal(await rejectionOf(writeTally(d(), await actor('traineeB'), ctx, { cells: [mark(0, 0)], ratings: [] })));
    expectRefusal(await rejectionOf(submitTally(d(), await actor('traineeB'), ctx)));
    const report = await roundReport(d(), await actor('traineeA'), projectId, open.id);
    expect(report.view).toMatchObject({ gold: true, everyone: true, own: true });
    expect(report.participants.find((p) => p.coderId === people.traineeB.id)?.name).toBe(people.traineeB.name);
    expect(report.trainees.map((f) => f.traineeId)).toEqual([people.traineeA.id]);
    expect(report.board!.group.trainees).toBe(1);
    expect(report.board!.cells.some((c) => c.gold === 1)).toBe(true);
  });
});

describe('the criteria form’s input', () => {
  it('changes the criteria only (Dutch decimal commas accepted), keeping the project’s other settings', async () => {
    await updateProjectSettings(d(), projectId, people.owner.id, { hideDoubleCoding: true });
    // What the calibration page's form posts: strings, only the four criteria.
    const next = await updateProjectSettings(d(), projectId, people.trainer.id, { markStatistic: 'ac1', markThreshold: '0,75', ratingTolerance: '2', ratingShare: '0.8' });
    expect(next).toEqual({ hideDoubleCoding: true, markStatistic: 'ac1', markThreshold: 0.75, ratingTolerance: 2, ratingShare: 0.8 });
    expect(await rejectionOf(updateProjectSettings(d(), projectId, people.trainer.id, { markStatistic: 'kappa', markThreshold: '1.5', ratingTolerance: '1', ratingShare: '0.9' }))).toBeInstanceOf(ValidationError);
    await updateProjectSettings(d(), projectId, people.owner.id, { hideDoubleCoding: false });
  });
});
