/*
 * The demo project a first visitor meets: the accounts of every role, the demo codebook
 * (lib/codebook/demo.ts), two cases with 50-minute sessions (ten 5-minute intervals) and
 * coders assigned. Seeded once, into an
 * empty database. Passwords are generated per installation and handed back to print.
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { createUser } from '@/lib/accounts/users';
import { createCase } from '@/lib/cases/cases';
import { demoCodebook } from '@/lib/codebook/demo';
import { createCodebook, freezeVersion } from '@/lib/codebook/repository';
import { addMember } from '@/lib/projects/members';
import { createProject } from '@/lib/projects/projects';
import type { Role } from '@/lib/policy/roles';
import { assignCoders, createSession } from '@/lib/sessions/sessions';
import { actorIn } from '@/lib/projects/projects';
import { loadTallyContext } from '@/lib/tally/access';
import { submitTally, writeTally } from '@/lib/tally/tallies';
import { seedDemoReview } from './demo-review';
import { demoTallies, demoTraineeTally } from './demo-tallies';
import { createGoldRecording, createRound, revealRound } from '@/lib/calibration/rounds';
import type { Codebook } from '@/lib/codebook/model';

export interface DemoAccount {
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

const PEOPLE: Omit<DemoAccount, 'password'>[] = [
  { email: 'owner@demo.concord', name: 'Olivia Owner', roles: ['owner'] },
  { email: 'coder.a@demo.concord', name: 'Anna Coder', roles: ['coder'] },
  { email: 'coder.b@demo.concord', name: 'Bram Coder', roles: ['coder'] },
  { email: 'trainer@demo.concord', name: 'Tess Trainer', roles: ['trainer'] },
  { email: 'supervisor@demo.concord', name: 'Sam Supervisor', roles: ['supervisor'] },
  { email: 'trainee.a@demo.concord', name: 'Ties Trainee', roles: ['trainee'] },
  { email: 'trainee.b@demo.concord', name: 'Uma Trainee', roles: ['trainee'] },
  { email: 'trainee.c@demo.concord', name: 'Vera Trainee', roles: ['trainee'] },
];
const TRAINEES = ['trainee.a@demo.concord', 'trainee.b@demo.concord', 'trainee.c@demo.concord'];

export async function isEmpty(d: Database): Promise<boolean> {
  const [row] = await d.db.select({ n: count() }).from(d.t.users);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo into an empty database; returns the accounts, or null when not empty. */
export async function seedDemo(d: Database): Promise<{ accounts: DemoAccount[]; projectId: string } | null> {
  if (!(await isEmpty(d))) return null;
  const accounts: DemoAccount[] = [];
  const ids: Record<string, string> = {};
  for (const person of PEOPLE) {
    const password = `demo-${randomBytes(6).toString('base64url')}`;
    const user = await createUser(d, { email: person.email, name: person.name, password });
    ids[person.email] = user.id;
    accounts.push({ ...person, password });
  }
  const ownerId = ids['owner@demo.concord']!;
  const project = await createProject(d, ownerId, {
    name: 'Distance and proximity (demo)',
    description: 'How two family-care workers balance distance and proximity in evaluation talks with families.',
  });
  await d.transaction(async (tx) => {
    for (const person of PEOPLE.slice(1)) await addMember(tx, d, project.id, ids[person.email]!, person.roles, ownerId);
  });
  const coders = [ids['coder.a@demo.concord']!, ids['coder.b@demo.concord']!];
  const codebook = await createCodebook(d, project.id, ownerId, demoCodebook());
  await freezeVersion(d, codebook.id);
  for (const caseNumber of ['K-01', 'K-02']) {
    const kase = await createCase(d, project.id, { caseNumber, note: caseNumber === 'K-01' ? 'Worker K, family 1' : 'Worker L, family 2' });
    const session = await createSession(d, project.id, ownerId, {
      caseId: kase.id,
      label: `${caseNumber} evaluation talk`,
      durationMinutes: 50,
      intervalMinutes: 5,
      codebookVersionId: codebook.id,
    });
    await assignCoders(d, project.id, session.id, coders, ownerId);
  }
  // Sessions further along, so that a first visitor sees every screen with data in it.
  const stages = [
    { caseNumber: 'K-01', label: 'K-01 intake talk', stage: 'revealed' },
    { caseNumber: 'K-02', label: 'K-02 intake talk', stage: 'finalized' },
    { caseNumber: 'K-02', label: 'K-02 follow-up talk', stage: 'half-submitted' },
  ] as const;
  const caseIds = new Map((await d.db.select().from(d.t.cases)).map((c) => [c.caseNumber, c.id]));
  for (const [n, plan] of stages.entries()) {
    const session = await createSession(d, project.id, ownerId, { caseId: caseIds.get(plan.caseNumber), label: plan.label, durationMinutes: 50, intervalMinutes: 5, codebookVersionId: codebook.id });
    await assignCoders(d, project.id, session.id, coders, ownerId);
    const ctx = (await loadTallyContext(d, project.id, session.id))!;
    const tallies = demoTallies(codebook.codebook, session.intervals.length, 1000 + n);
    for (const [i, coderId] of coders.entries()) {
      const actor = await actorIn(d, project.id, coderId);
      await writeTally(d, actor, ctx, { cells: i === 0 ? tallies.coderA : tallies.coderB, ratings: [] });
      if (plan.stage !== 'half-submitted' || i === 1) await submitTally(d, actor, (await loadTallyContext(d, project.id, session.id))!);
    }
    if (plan.stage === 'finalized') await seedConsensus(d, session.id, tallies.truth);
  }
  await seedDemoReview(d, project.id);
  await seedDemoCalibration(d, project.id, ids['trainer@demo.concord']!, TRAINEES.map((e) => ids[e]!), codebook.id, codebook.codebook);
  return { accounts, projectId: project.id };
}

/**
 * A training case with a settled gold recording and one revealed round of the three demo
 * trainees (one close to gold, one who misses a lot, one who over-marks), so the calibration
 * page has data; the end-to-end test runs its own round on the same recording.
 */
async function seedDemoCalibration(d: Database, projectId: string, trainerId: string, trainees: string[], versionId: string, codebook: Codebook): Promise<void> {
  const trainer = await actorIn(d, projectId, trainerId);
  const gold = await createGoldRecording(d, trainer, projectId, { caseNumber: 'T-01', label: 'T-01 training recording', durationMinutes: 50, intervalMinutes: 5, codebookVersionId: versionId });
  const { truth } = demoTallies(codebook, gold.intervals.length, 2000);
  await seedConsensus(d, gold.id, truth);
  // Global ratings too, so the rating criterion (within one point of gold) has data.
  const scales = codebook.ratingScales.map((s) => s.key);
  const goldRatings = [1, 2, 0, -1];
  await d.transaction((tx) => tx.insert(d.t.consensusRatings).values(scales.map((scaleKey, i) => ({ sessionId: gold.id, scaleKey, value: goldRatings[i % goldRatings.length]! }))));
  /** Each trainee's distance from the gold rating, per scale: exact; within one point; two off on half. */
  const ratingOffsets = [
    [0, 0, 0, 0],
    [1, -1, 1, 0],
    [2, 0, -2, 1],
  ];
  const round = await createRound(d, trainer, projectId, { goldSessionId: gold.id, traineeIds: trainees, showGold: true, showNames: false });
  const quality: [miss: number, extra: number][] = [
    [0.08, 0.02],
    [0.35, 0.03],
    [0.1, 0.15],
  ];
  for (const [i, traineeId] of trainees.entries()) {
    const actor = await actorIn(d, projectId, traineeId);
    const ctx = (await loadTallyContext(d, projectId, round.session.id))!;
    const ratings = scales.map((scaleKey, k) => ({ scaleKey, value: Math.max(-3, Math.min(3, goldRatings[k % goldRatings.length]! + ratingOffsets[i]![k % 4]!)), clientTime: Date.now() }));
    await writeTally(d, actor, ctx, { cells: demoTraineeTally(truth, 3000 + i, quality[i]![0], quality[i]![1]), ratings });
    await submitTally(d, actor, (await loadTallyContext(d, projectId, round.session.id))!);
  }
  await revealRound(d, trainer, projectId, round.id);
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.password}  (${a.roles.join(', ')})`).join('\n');
}

/**
 * A settled consensus list for the finalized demo session. The reconciliation board
 * (issue 5) will produce these through finalize; the demo writes the rows directly.
 */
async function seedConsensus(d: Database, sessionId: string, truth: Map<string, 0 | 1>): Promise<void> {
  const now = new Date();
  await d.transaction(async (tx) => {
    await tx.insert(d.t.consensusCells).values(
      [...truth.entries()].map(([key, value]) => {
        const at = key.lastIndexOf('@');
        return { sessionId, behaviourKey: key.slice(0, at), interval: Number(key.slice(at + 1)), value, rationale: '' };
      }),
    );
    await tx.update(d.t.sessions).set({ status: 'finalized', finalizedAt: now }).where(eq(d.t.sessions.id, sessionId));
  });
}
