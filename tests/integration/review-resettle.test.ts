/*
 * Re-settling a reopened cell (lib/review/notes.ts), on the demo project with its review notes,
 * on SQLite and PostgreSQL: after a coder accepts a supervisor's reopen request, one coder
 * proposes a new mark with a rationale (a later proposal replaces it), the other confirms, and
 * only then the consensus row, the desk and the results table change, with an audit event.
 * Who may propose and confirm, the refusals of every wrong step, two confirmations at once,
 * and a single-coded session, where the proposal settles at once.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { createCase } from '@/lib/cases/cases';
import { flattenBehaviours } from '@/lib/codebook/model';
import { seedDemoReview } from '@/lib/demo/demo-review';
import { seedDemo } from '@/lib/demo/seed';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { actorIn } from '@/lib/projects/projects';
import { updateProjectSettings } from '@/lib/projects/settings';
import { resultTables } from '@/lib/results';
import { loadResults } from '@/lib/results/load';
import { collectDisagreements } from '@/lib/review/collect';
import { reopenText } from '@/lib/review/format';
import { parseCell } from '@/lib/review/model';
import { confirmResettle, decideReopen, listReviewNotes, proposeResettle, requestReopen, type SeenProposal } from '@/lib/review/notes';
import { assignCoders, createSession, listSessions, type Session } from '@/lib/sessions/sessions';
import { translator } from '@/lib/i18n/messages';
import { loadTallyContext } from '@/lib/tally/access';
import type { Mark } from '@/lib/tally/model';
import { submitTally, writeTally } from '@/lib/tally/tallies';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { rejectionOf } from './support/errors';

type Who = 'owner' | 'coderA' | 'coderB' | 'trainer' | 'supervisor';

let tdb: TestDatabase;
let projectId: string;
let finalized: Session;
let cells: { cell: string; value: Mark }[];
const actors = {} as Record<Who | 'outsider', Actor>;
const d = () => tdb.database;

/** A refusal as "kind key" (e.g. "conflict review.alreadyResettled"), or "validation <fields>". */
const refusal = async (p: Promise<unknown>) => {
  const e = await rejectionOf(p);
  if (e instanceof DomainError) return `${e.kind} ${e.key}`;
  if (e instanceof ValidationError) return `validation ${Object.keys(e.fields).sort().join(',')}`;
  throw e;
};

/** A reopen request on the finalized session's cell, accepted by coder B. */
async function acceptedRequest(cell: string): Promise<string> {
  const id = await requestReopen(d(), actors.supervisor, projectId, { sessionId: finalized.id, cell, text: 'The definition changed since.' });
  await decideReopen(d(), actors.coderB, projectId, id, true);
  return id;
}

async function consensusRow(sessionId: string, cell: string) {
  const { t } = d();
  const { behaviourKey, interval } = parseCell(cell)!;
  const [row] = await d()
    .db.select({ value: t.consensusCells.value, rationale: t.consensusCells.rationale })
    .from(t.consensusCells)
    .where(and(eq(t.consensusCells.sessionId, sessionId), eq(t.consensusCells.behaviourKey, behaviourKey), eq(t.consensusCells.interval, interval)));
  return row;
}

/** The cell's mark in the results, and k of its behaviour in the session's column of the results table. */
async function inResults(sessionId: string, cell: string) {
  const { behaviourKey, interval } = parseCell(cell)!;
  const version = (await loadResults(d(), projectId)).versions.find((v) => v.sessions.some((s) => s.id === sessionId))!;
  const session = version.sessions.find((s) => s.id === sessionId)!;
  const b = version.behaviours.findIndex((x) => x.key === behaviourKey);
  const table = resultTables(version, { by: 'session', columns: [sessionId] }).find((tb) => tb.groups.some((g) => g.rows.some((r) => r.index === b)))!;
  const row = table.groups.flatMap((g) => g.rows).find((r) => r.index === b)!;
  return { mark: session.marks[b * session.intervals.length + interval], k: row.cells[0]!.k };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  projectId = (await seedDemo(d()))!.projectId;
  await seedDemoReview(d(), projectId);
  const emails: Record<Who, string> = { owner: 'owner@demo.concord', coderA: 'coder.a@demo.concord', coderB: 'coder.b@demo.concord', trainer: 'trainer@demo.concord', supervisor: 'supervisor@demo.concord' };
  for (const [who, email] of Object.entries(emails) as [Who, string][]) actors[who] = await actorIn(d(), projectId, (await findUserByEmail(d(), email))!.id);
  actors.outsider = { userId: 'nobody', roles: [] };
  finalized = (await listSessions(d(), projectId)).find((s) => s.label === 'K-02 intake talk')!;
  const items = (await collectDisagreements(d(), actors.supervisor, projectId, { sessionIds: [finalized.id] })).items;
  cells = items.map((x) => ({ cell: x.cell, value: x.value! }));
  expect(cells.length).toBeGreaterThan(6);
});
afterAll(async () => {
  await tdb?.drop();
});

/** The proposal of a request as a coder's screen shows it (what the confirm form carries). */
async function seen(id: string): Promise<SeenProposal> {
  const sessions = (await listSessions(d(), projectId)).map((s) => s.id);
  const request = (await listReviewNotes(d(), sessions)).requests.find((r) => r.id === id);
  return { value: request?.resettleValue ?? 0, proposedBy: request?.resettleProposedBy ?? '', rationale: request?.resettleRationale ?? '' };
}

describe('re-settling an accepted reopen request', () => {
  it('one coder proposes, a later proposal replaces it, the other confirms: consensus, desk, results and audit change together', async () => {
    const { cell, value: was } = cells[0]!;
    const now: Mark = was === 1 ? 0 : 1;
    const before = await consensusRow(finalized.id, cell);
    const resultsBefore = await inResults(finalized.id, cell);
    expect([before!.value, resultsBefore.mark]).toEqual([was, was]);
    const id = await acceptedRequest(cell);

    expect(await proposeResettle(d(), actors.coderA, projectId, id, { value: was, rationale: 'Keep it after all.' })).toBe('proposed');
    // Coder B replaces the proposal (form input: strings); the consensus list has not changed yet.
    expect(await proposeResettle(d(), actors.coderB, projectId, id, { value: String(now), rationale: '  With the new definition the worker does say it.  ' })).toBe('proposed');
    expect(await consensusRow(finalized.id, cell)).toEqual(before);
    const [proposed] = (await listReviewNotes(d(), [finalized.id])).requests.filter((r) => r.id === id);
    expect(proposed).toMatchObject({ status: 'proposed', resettleValue: now, resettleRationale: 'With the new definition the worker does say it.', proposerName: 'Bram Coder', resettledFrom: null, resettledAt: null });

    expect(await refusal(confirmResettle(d(), actors.coderB, projectId, id, await seen(id)))).toBe('forbidden review.ownProposal');
    await confirmResettle(d(), actors.coderA, projectId, id, await seen(id));

    expect(await consensusRow(finalized.id, cell)).toEqual({ value: now, rationale: 'With the new definition the worker does say it.' });
    const resultsAfter = await inResults(finalized.id, cell);
    expect(resultsAfter).toEqual({ mark: now, k: resultsBefore.k + (now === 1 ? 1 : -1) });
    const x = (await collectDisagreements(d(), actors.supervisor, projectId, { sessionIds: [finalized.id] })).items.find((i) => i.cell === cell)!;
    expect([x.value, x.rationale]).toEqual([now, 'With the new definition the worker does say it.']);
    expect(x.reopenRequests[0]).toMatchObject({ status: 'resettled', resettledFrom: was, resettleValue: now, proposerName: 'Bram Coder' });
    expect(x.reopenRequests[0]!.resettledAt).toBeInstanceOf(Date);
    expect(reopenText(x, translator('en'))).toBe(`Re-settled: was ${was}, now ${now}`);
    const events = (await listAudit(d(), projectId)).filter((e) => e.kind === 'review.cell-resettled');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: finalized.id, actorName: 'Anna Coder', detail: { cell, request: id, from: was, to: now } });
    expect((await listAudit(d(), projectId)).find((e) => e.kind === 'review.reopen-accepted' && e.detail.request === id)).toMatchObject({ detail: { note: 'reopened: the coders re-settle the cell' } });

    // Done: another confirmation or proposal is refused and changes nothing.
    expect(await refusal(confirmResettle(d(), actors.coderA, projectId, id, await seen(id)))).toBe('conflict review.alreadyResettled');
    expect(await refusal(confirmResettle(d(), actors.coderB, projectId, id, await seen(id)))).toBe('conflict review.alreadyResettled');
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, id, { value: was, rationale: 'Back again.' }))).toBe('conflict review.alreadyResettled');
    expect(await consensusRow(finalized.id, cell)).toEqual({ value: now, rationale: 'With the new definition the worker does say it.' });
    expect((await listAudit(d(), projectId)).filter((e) => e.kind === 'review.cell-resettled')).toHaveLength(1);
  });

  it('only the session\'s coders propose and confirm: supervisor, owner and trainer are refused, a non-member learns nothing', async () => {
    const { cell } = cells[1]!;
    const before = await consensusRow(finalized.id, cell);
    const id = await acceptedRequest(cell);
    const input = { value: 1, rationale: 'Because.' };
    for (const who of ['supervisor', 'owner', 'trainer'] as const) {
      expect(await refusal(proposeResettle(d(), actors[who], projectId, id, input))).toBe('forbidden error.forbidden');
    }
    expect(await refusal(proposeResettle(d(), actors.outsider, projectId, id, input))).toBe('not-found error.notFound');
    await proposeResettle(d(), actors.coderA, projectId, id, input);
    for (const who of ['supervisor', 'owner', 'trainer'] as const) {
      expect(await refusal(confirmResettle(d(), actors[who], projectId, id, await seen(id)))).toBe('forbidden error.forbidden');
    }
    expect(await refusal(confirmResettle(d(), actors.outsider, projectId, id, await seen(id)))).toBe('not-found error.notFound');
    expect(await refusal(confirmResettle(d(), actors.coderB, projectId, 'no-such-request', await seen('no-such-request')))).toBe('not-found error.notFound');
    expect(await consensusRow(finalized.id, cell)).toEqual(before);
  });

  it('refuses a pending or declined request, a confirmation before any proposal, and a proposal without mark or rationale', async () => {
    const { cell } = cells[2]!;
    const pending = await requestReopen(d(), actors.supervisor, projectId, { sessionId: finalized.id, cell, text: 'Look again.' });
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, pending, { value: 1, rationale: 'Too early.' }))).toBe('conflict review.resettleNotAccepted');
    expect(await refusal(confirmResettle(d(), actors.coderA, projectId, pending, await seen(pending)))).toBe('conflict review.resettleNotAccepted');
    await decideReopen(d(), actors.coderA, projectId, pending, false);
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, pending, { value: 1, rationale: 'Declined.' }))).toBe('conflict review.resettleNotAccepted');
    expect(await refusal(confirmResettle(d(), actors.coderB, projectId, pending, await seen(pending)))).toBe('conflict review.resettleNotAccepted');

    const accepted = await acceptedRequest(cell);
    expect(await refusal(confirmResettle(d(), actors.coderA, projectId, accepted, await seen(accepted)))).toBe('conflict review.nothingProposed');
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, accepted, { value: 2, rationale: '   ' }))).toBe('validation rationale,value');
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, accepted, { rationale: 'No mark.' }))).toBe('validation value');
    expect(await refusal(proposeResettle(d(), actors.coderA, projectId, accepted, { value: '1', rationale: 'x'.repeat(2001) }))).toBe('validation rationale');
    const [request] = (await listReviewNotes(d(), [finalized.id])).requests.filter((r) => r.id === accepted);
    expect([request!.status, request!.resettleValue]).toEqual(['accepted', null]);
  });

  it('two confirmations at once: one applies, the other is refused cleanly', async () => {
    const { cell, value: was } = cells[3]!;
    const now: Mark = was === 1 ? 0 : 1;
    const id = await acceptedRequest(cell);
    await proposeResettle(d(), actors.coderB, projectId, id, { value: now, rationale: 'Both of us agree now.' });
    const proposal = await seen(id);
    const results = await Promise.allSettled([confirmResettle(d(), actors.coderA, projectId, id, proposal), confirmResettle(d(), actors.coderA, projectId, id, proposal)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failed] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed!.reason).toBeInstanceOf(DomainError);
    expect((failed!.reason as DomainError).key).toBe('review.alreadyResettled');
    expect(await consensusRow(finalized.id, cell)).toEqual({ value: now, rationale: 'Both of us agree now.' });
    expect((await listAudit(d(), projectId)).filter((e) => e.kind === 'review.cell-resettled' && e.detail.request === id)).toHaveLength(1);
  });
});

describe('a proposal replaced while the partner reads it', () => {
  it('is not confirmed blindly: the confirmation of the old one is refused and nothing changes', async () => {
    const { cell, value: was } = cells[4]!;
    const id = await acceptedRequest(cell);
    await proposeResettle(d(), actors.coderA, projectId, id, { value: was === 1 ? 0 : 1, rationale: 'First thought.' });
    const onScreen = await seen(id);
    await proposeResettle(d(), actors.coderA, projectId, id, { value: was, rationale: 'Second thought: keep it.' });
    expect(await refusal(confirmResettle(d(), actors.coderB, projectId, id, onScreen))).toBe('conflict review.proposalChanged');
    expect((await consensusRow(finalized.id, cell))!.value).toBe(was);
    await confirmResettle(d(), actors.coderB, projectId, id, await seen(id));
    expect(await consensusRow(finalized.id, cell)).toEqual({ value: was, rationale: 'Second thought: keep it.' });
  });
});

describe('a single-coded session', () => {
  it("the coder's proposal settles at once", async () => {
    await updateProjectSettings(d(), projectId, actors.owner.userId, { hideDoubleCoding: true });
    const kase = await createCase(d(), projectId, { caseNumber: 'RS-1' });
    const session = await createSession(d(), projectId, actors.owner.userId, { caseId: kase.id, label: 'Single', durationMinutes: 30, intervalMinutes: 5, codebookVersionId: finalized.codebookVersionId });
    await assignCoders(d(), projectId, session.id, [actors.coderA.userId], actors.owner.userId);
    const ctx = (await loadTallyContext(d(), projectId, session.id))!;
    const behaviourKey = flattenBehaviours(ctx.codebook)[0]!.behaviour.key;
    const written = await writeTally(d(), actors.coderA, ctx, { cells: [{ behaviourKey, interval: 2, value: 1, note: '', moments: [], clientTime: Date.now() }], ratings: [] });
    expect(written.ok).toBe(true);
    expect((await submitTally(d(), actors.coderA, (await loadTallyContext(d(), projectId, session.id))!)).finalized).toBe(true);

    const cell = `${behaviourKey}@2`;
    const id = await requestReopen(d(), actors.supervisor, projectId, { sessionId: session.id, cell, text: 'Was it really there?' });
    expect(await refusal(proposeResettle(d(), actors.coderB, projectId, id, { value: 0, rationale: 'Not my session.' }))).toBe('forbidden error.forbidden');
    await decideReopen(d(), actors.coderA, projectId, id, true);
    expect(await proposeResettle(d(), actors.coderA, projectId, id, { value: 0, rationale: 'On second hearing, no.' })).toBe('resettled');
    expect(await consensusRow(session.id, cell)).toEqual({ value: 0, rationale: 'On second hearing, no.' });
    expect((await inResults(session.id, cell)).mark).toBe(0);
    expect((await listAudit(d(), projectId)).find((e) => e.kind === 'review.cell-resettled' && e.detail.request === id)).toMatchObject({ subject: session.id, actorName: 'Anna Coder', detail: { cell, from: 1, to: 0 } });
    expect(await refusal(confirmResettle(d(), actors.coderA, projectId, id, await seen(id)))).toBe('conflict review.alreadyResettled');
  });
});
