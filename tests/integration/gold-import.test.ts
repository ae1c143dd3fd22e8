/*
 * A trainer settles a gold standard by importing a consensus list (the trainers' import
 * scope): it lands in the calibration recording and settles it; a coder's tally or a
 * research session cannot be imported that way. Runs on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '@/lib/accounts/users';
import { createGoldRecording, listGoldRecordings } from '@/lib/calibration/rounds';
import { flattenBehaviours } from '@/lib/codebook/model';
import { seedDemo } from '@/lib/demo/seed';
import { actorIn } from '@/lib/projects/projects';
import { loadTallyContext } from '@/lib/tally/access';
import { importTallies } from '@/lib/tally/exchange';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let tdb: TestDatabase;
let projectId: string;
let codes: string[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  projectId = (await seedDemo(tdb.database))!.projectId;
  const trainer = await actorIn(tdb.database, projectId, (await findUserByEmail(tdb.database, 'trainer@demo.concord'))!.id);
  const gold = await createGoldRecording(tdb.database, trainer, projectId, { caseNumber: 'T-02', label: 'T-02 imported gold', durationMinutes: 10, intervalMinutes: 5 });
  codes = flattenBehaviours((await loadTallyContext(tdb.database, projectId, gold.id))!.codebook).map((f) => f.behaviour.code);
});
afterAll(async () => {
  await tdb?.drop();
});

const csv = (lines: string[]) => new TextEncoder().encode(['case,session,coder,code,interval,value', ...lines].join('\n'));

describe('importing a gold standard as a trainer', () => {
  it('refuses a coder’s tally and a research session, naming the line and column', async () => {
    const result = await importTallies(tdb.database, projectId, null, 'gold.csv', csv([`T-02,T-02 imported gold,coder.a@demo.concord,${codes[0]},1,1`, `K-01,K-01 evaluation talk,consensus,${codes[0]},1,1`]), 'gold');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'coder'],
      [3, 'session'],
    ]);
    expect((await listGoldRecordings(tdb.database, projectId)).find((g) => g.session.label === 'T-02 imported gold')!.settled).toBe(false);
  });

  it('writes a consensus list into the calibration recording and settles its gold standard', async () => {
    const result = await importTallies(tdb.database, projectId, null, 'gold.csv', csv([`T-02,T-02 imported gold,consensus,${codes[0]},1,1`, `T-02,T-02 imported gold,consensus,${codes[1]},2,0`]), 'gold');
    expect(result).toEqual({ ok: true, sessions: 1, marks: 2 });
    expect((await listGoldRecordings(tdb.database, projectId)).find((g) => g.session.label === 'T-02 imported gold')!.settled).toBe(true);
  });
});
