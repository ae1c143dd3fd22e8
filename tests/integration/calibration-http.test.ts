/*
 * Calibration over HTTP, against the real process (production build in .next) on the demo
 * project: a round with the gold and names hidden, attacked from every side a browser can
 * reach — the tally API, the round page, the figures export, the realtime token and the
 * research pages — by a fellow trainee, a trainee outside the round, a research coder, a
 * supervisor, the trainer and a stranger, before and after the trainer reveals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail } from '@/lib/accounts/users';
import { createRound, listGoldRecordings, revealRound } from '@/lib/calibration/rounds';
import { flattenBehaviours } from '@/lib/codebook/model';
import { seedDemo } from '@/lib/demo/seed';
import { actorIn } from '@/lib/projects/projects';
import { addMember } from '@/lib/projects/members';
import { loadTallyContext } from '@/lib/tally/access';
import { submitTally, writeTally } from '@/lib/tally/tallies';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { startServer, type RunningServer } from './support/server-process';
import { Browser } from './support/http';
import { leaksInternals } from './support/errors';

type Who = 'ties' | 'uma' | 'vera' | 'outsideTrainee' | 'coder' | 'supervisor' | 'trainer' | 'stranger';
const EMAILS: Record<Exclude<Who, 'outsideTrainee' | 'stranger'>, string> = {
  ties: 'trainee.a@demo.concord',
  uma: 'trainee.b@demo.concord',
  vera: 'trainee.c@demo.concord',
  coder: 'coder.a@demo.concord',
  supervisor: 'supervisor@demo.concord',
  trainer: 'trainer@demo.concord',
};

let tdb: TestDatabase;
let server: RunningServer;
let projectId: string;
let roundId: string;
let sessionId: string;
const ids = {} as Record<Who, string>;
const browsers = {} as Record<Who, Browser>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const d = tdb.database;
  const seeded = (await seedDemo(d))!;
  projectId = seeded.projectId;
  const extra = { outsideTrainee: { email: 'wim@example.org', password: 'wim trainee password', name: 'Wim Outside' }, stranger: { email: 'stranger@example.org', password: 'stranger password', name: 'Stran Ger' } };
  for (const [who, account] of Object.entries(extra) as ['outsideTrainee' | 'stranger', typeof extra.stranger][]) ids[who] = (await createUser(d, account)).id;
  const ownerId = (await findUserByEmail(d, 'owner@demo.concord'))!.id;
  await d.transaction((tx) => addMember(tx, d, projectId, ids.outsideTrainee, ['trainee'], ownerId));
  for (const [who, email] of Object.entries(EMAILS) as [Who, string][]) ids[who] = (await findUserByEmail(d, email))!.id;

  const trainer = await actorIn(d, projectId, ids.trainer);
  const gold = (await listGoldRecordings(d, projectId)).find((g) => g.settled)!;
  const round = await createRound(d, trainer, projectId, { goldSessionId: gold.session.id, label: 'HTTP round', traineeIds: [ids.ties, ids.uma, ids.vera], showGold: false, showNames: false });
  [roundId, sessionId] = [round.id, round.session.id];
  const behaviour = flattenBehaviours((await loadTallyContext(d, projectId, sessionId))!.codebook)[0]!.behaviour.key;
  for (const who of ['ties', 'uma'] as const) {
    const actor = await actorIn(d, projectId, ids[who]);
    await writeTally(d, actor, (await loadTallyContext(d, projectId, sessionId))!, { cells: [{ behaviourKey: behaviour, interval: 0, value: 1, note: `${who}'s own note`, moments: [], clientTime: Date.now() }] });
    await submitTally(d, actor, (await loadTallyContext(d, projectId, sessionId))!);
  }

  server = await startServer(tdb.env);
  const password = (email: string) => seeded.accounts.find((a) => a.email === email)?.password;
  for (const who of Object.keys(ids) as Who[]) {
    browsers[who] = new Browser(server.url);
    const email = who in EMAILS ? EMAILS[who as keyof typeof EMAILS] : extra[who as keyof typeof extra].email;
    expect(await browsers[who].signIn(email, password(email) ?? extra[who as keyof typeof extra].password), who).toBe(true);
  }
});
afterAll(async () => {
  await server?.stop();
  await tdb?.drop();
});

const tallyOf = (who: Who, coder: Who) => browsers[who].get(`/api/projects/${projectId}/sessions/${sessionId}/tally?coder=${ids[coder]}`);
const roundPage = (who: Who) => browsers[who].get(`/projects/${projectId}/calibration/rounds/${roundId}`);
const figures = (who: Who) => browsers[who].get(`/api/projects/${projectId}/calibration/rounds/${roundId}/export`);

async function tokenFor(who: Who): Promise<{ status: number; mode?: string }> {
  const res = await fetch(new URL('/api/realtime/token', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `next-auth.session-token=${browsers[who].cookie('next-auth.session-token')}` },
    body: JSON.stringify({ projectId, sessionId }),
  });
  const body = (await res.json().catch(() => ({}))) as { mode?: string };
  return { status: res.status, mode: body.mode };
}

describe('before the trainer reveals', () => {
  it('a trainee reads only their own tally: a fellow trainee, the supervisor and the trainer get 403', async () => {
    expect((await tallyOf('ties', 'ties')).status).toBe(200);
    for (const who of ['uma', 'supervisor', 'trainer', 'coder', 'outsideTrainee'] as const) {
      const res = await tallyOf(who, 'ties');
      expect(res.status, who).toBe(403);
      expect(res.body).not.toContain("ties's own note");
      expect(leaksInternals(res.body)).toBe(false);
    }
    expect((await tallyOf('stranger', 'ties')).status).toBe(404);
  });

  it('the round page shows a trainee progress without the others’ names; the export has no figures yet', async () => {
    const page = await roundPage('ties');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Ties Trainee');
    for (const name of ['Uma Trainee', 'Vera Trainee']) expect(page.body).not.toContain(name);
    const csv = await figures('ties');
    expect(csv.status).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(1);
  });

  it('nobody gets a token for the round’s discussion board yet', async () => {
    for (const who of ['ties', 'trainer', 'supervisor'] as const) expect((await tokenFor(who)).status, who).toBe(403);
  });
});

describe('after the trainer reveals', () => {
  beforeAll(async () => {
    await revealRound(tdb.database, await actorIn(tdb.database, projectId, ids.trainer), projectId, roundId);
  });

  it('a trainee still cannot read a fellow trainee’s tally by name; the trainer and the supervisor can', async () => {
    expect((await tallyOf('uma', 'ties')).status).toBe(403);
    for (const who of ['trainer', 'supervisor'] as const) expect((await tallyOf(who, 'ties')).status, who).toBe(200);
    expect((await tallyOf('coder', 'ties')).status).toBe(403);
  });

  it('a trainee’s export holds only their own row and no other name; the trainer’s holds every submitted trainee', async () => {
    const own = await figures('ties');
    expect(own.status).toBe(200);
    const rows = own.body.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^Ties Trainee,/);
    for (const name of ['Uma', 'Vera']) expect(own.body).not.toContain(name);
    const all = await figures('trainer');
    expect(all.body).toContain('Ties Trainee');
    expect(all.body).toContain('Uma Trainee');
    // Vera did not submit before the reveal: she is left out of every figure.
    expect(all.body).not.toContain('Vera Trainee');
  });

  it('the round page names nobody else to a trainee, and members outside the round get 403, a stranger 404', async () => {
    const page = await roundPage('uma');
    expect(page.status).toBe(200);
    for (const name of ['Ties Trainee', 'Vera Trainee']) expect(page.body).not.toContain(name);
    for (const who of ['outsideTrainee', 'coder'] as const) {
      expect((await roundPage(who)).status, who).toBe(403);
      expect((await figures(who)).status, who).toBe(403);
    }
    expect((await roundPage('stranger')).status).toBe(404);
    expect((await figures('stranger')).status).toBe(404);
  });

  it('the discussion board opens: the round’s trainees and the trainer write, the supervisor reads, others are refused', async () => {
    expect(await tokenFor('ties')).toEqual({ status: 200, mode: 'write' });
    expect(await tokenFor('trainer')).toEqual({ status: 200, mode: 'write' });
    expect(await tokenFor('supervisor')).toEqual({ status: 200, mode: 'read' });
    expect((await tokenFor('outsideTrainee')).status).toBe(403);
    expect((await tokenFor('coder')).status).toBe(403);
  });

  it('a trainee reaches none of the research pages', async () => {
    for (const path of ['', '/sessions', '/cases', '/statistics', '/results', '/members', '/review', '/audit']) {
      const res = await browsers.ties.get(`/projects/${projectId}${path}`);
      expect([403, 307], path).toContain(res.status);
      if (res.status === 307) expect(res.location, path).toMatch(/\/calibration$/);
    }
  });
});
