/*
 * The review desk through the lib functions, on the demo project (lib/demo/seed.ts plus its
 * review notes, lib/demo/demo-review.ts), on SQLite and PostgreSQL: disagreements of live and
 * finalized boards alike (and the same once a live board is finalized), the policy on every
 * read and write, supervisor comments and reopen requests, definition proposals applied to
 * the codebook's next version draft, audit events. The HTTP side (exports, and no route
 * that changes the audit log) is in review-http.test.ts.
 */
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { findBehaviour } from '@/lib/codebook/model';
import { latestCodebookVersion, listCodebookVersions } from '@/lib/codebook/repository';
import { seedDemoLiveBoard, seedDemoReview } from '@/lib/demo/demo-review';
import { seedDemo } from '@/lib/demo/seed';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { actorIn } from '@/lib/projects/projects';
import { DocStore } from '@/lib/realtime/doc-store';
import { boardRoom } from '@/lib/realtime/room-access';
import { BoardDoc } from '@/lib/reconciliation/board-doc';
import { finalizeBoard } from '@/lib/reconciliation/finalize';
import { collectDisagreements } from '@/lib/review/collect';
import { applyFilters, NO_FILTERS } from '@/lib/review/filters';
import type { Disagreement } from '@/lib/review/model';
import { addReviewComment, decideReopen, requestReopen } from '@/lib/review/notes';
import { applyProposal, listProposals, proposeDefinitionChange } from '@/lib/review/proposals';
import { listSessions, type Session } from '@/lib/sessions/sessions';
import { loadTallyContext } from '@/lib/tally/access';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { rejectionOf } from './support/errors';

type Who = 'owner' | 'coderA' | 'coderB' | 'trainer' | 'supervisor';

let tdb: TestDatabase;
let projectId: string;
let sessions: Record<'revealed' | 'finalized' | 'blind', Session>;
const actors = {} as Record<Who | 'outsider', Actor>;
const store = () => new DocStore(tdb.database);
const readDoc = (docId: string) => store().readState(docId);
const collect = (who: Who, sessionIds?: string[]) => collectDisagreements(tdb.database, actors[who], projectId, { readDoc, sessionIds });
const kindOf = async (p: Promise<unknown>) => {
  const e = await rejectionOf(p);
  return e instanceof DomainError ? e.kind : e instanceof ValidationError ? 'validation' : e;
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  projectId = (await seedDemo(tdb.database))!.projectId;
  await seedDemoReview(tdb.database, projectId);
  await seedDemoLiveBoard(tdb.database, projectId);
  const emails: Record<Who, string> = { owner: 'owner@demo.concord', coderA: 'coder.a@demo.concord', coderB: 'coder.b@demo.concord', trainer: 'trainer@demo.concord', supervisor: 'supervisor@demo.concord' };
  for (const [who, email] of Object.entries(emails) as [Who, string][]) actors[who] = await actorIn(tdb.database, projectId, (await findUserByEmail(tdb.database, email))!.id);
  actors.outsider = { userId: 'nobody', roles: [] };
  const all = await listSessions(tdb.database, projectId);
  const byLabel = (label: string) => all.find((s) => s.label === label)!;
  sessions = { revealed: byLabel('K-01 intake talk'), finalized: byLabel('K-02 intake talk'), blind: byLabel('K-02 follow-up talk') };
});
afterAll(async () => {
  await tdb?.drop();
});

describe('collecting disagreements', () => {
  it('the demo review seeds are idempotent', async () => {
    const before = (await collect('supervisor')).items;
    await seedDemoReview(tdb.database, projectId);
    await seedDemoLiveBoard(tdb.database, projectId);
    expect((await collect('supervisor')).items).toEqual(before);
  });

  it('reads every disagreement of the revealed and the finalized session, never a blind one', async () => {
    const { items, sessions: read } = await collect('supervisor');
    expect(read).toBe(2);
    const ids = new Set(items.map((d) => d.sessionId));
    expect(ids).toEqual(new Set([sessions.revealed.id, sessions.finalized.id]));
    for (const d of items) {
      expect(d.marks[0]).not.toBe(d.marks[1]);
      expect(d.coders.map((c) => c.name)).toEqual(['Anna Coder', 'Bram Coder']);
    }
  });

  it('a finalized session: every disagreement settled, with rationale, who moved, time to settle and notes from the archive', async () => {
    const items = (await collect('owner')).items.filter((d) => d.sessionId === sessions.finalized.id);
    expect(items.length).toBeGreaterThan(10);
    for (const d of items) {
      expect(d.status).toBe('settled');
      expect(d.rationale).toMatch(/^\d+:\d\d: /);
      expect(d.moved).toHaveLength(1);
      expect(d.marks[d.coders.indexOf(d.moved[0]!)]).not.toBe(d.value);
      expect(d.settleMs).toBeGreaterThan(0);
    }
    expect(items.some((d) => d.unclear.length > 0)).toBe(true);
    expect(items.some((d) => d.comments.length > 1)).toBe(true);
  });

  it('a revealed session: settled, open, proposed and conflicting cells from the live board', async () => {
    const items = (await collect('supervisor')).items.filter((d) => d.sessionId === sessions.revealed.id);
    const statuses = new Set(items.map((d) => d.status));
    expect(statuses).toEqual(new Set(['settled', 'open', 'proposed', 'conflict']));
    for (const d of items.filter((x) => x.status !== 'settled')) {
      expect([d.value, d.moved, d.settleMs]).toEqual([null, [], null]);
    }
  });

  it('filters and search work on the collected data', async () => {
    const { items } = await collect('supervisor');
    const unclear = applyFilters(items, { ...NO_FILTERS, unclear: true });
    expect(unclear.length).toBeGreaterThan(0);
    expect(unclear.every((d) => d.unclear.length > 0)).toBe(true);
    const advice = applyFilters(items, { ...NO_FILTERS, q: 'ADVICE' });
    expect(advice.length).toBeGreaterThan(0);
    expect(advice.every((d) => d.rationale.includes('advice'))).toBe(true);
  });

  it('coders and trainers may not open the desk; a non-member learns nothing', async () => {
    for (const who of ['coderA', 'coderB', 'trainer'] as const) expect(await kindOf(collect(who))).toBe('forbidden');
    expect(await kindOf(collectDisagreements(tdb.database, actors.outsider, projectId, { readDoc }))).toBe('not-found');
  });
});

describe('a live board and the same board finalized read the same', () => {
  it('settles every open cell, finalizes, and finds identical rationales, threads, flags, movers and times', async () => {
    const docId = boardRoom(sessions.revealed.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await readDoc(docId));
    const board = new BoardDoc(doc);
    const coders = [actors.coderA, actors.coderB].map((a) => ({ id: a.userId, name: a.userId === actors.coderA.userId ? 'Anna Coder' : 'Bram Coder' }));
    const before = Y.encodeStateVector(doc);
    const open = (await collect('supervisor', [sessions.revealed.id])).items.filter((d) => d.status !== 'settled');
    for (const d of open) for (const c of coders) board.propose(d.cell, c, d.marks[0]!);
    for (const c of coders) board.signOff(c.id, true);
    const seq = (await store().load(docId)).lastSeq + 1;
    await store().append(docId, seq, Y.encodeStateAsUpdate(doc, before));
    const live = (await collect('supervisor', [sessions.revealed.id])).items;
    expect(live.every((d) => d.status === 'settled')).toBe(true);

    const ctx = (await loadTallyContext(tdb.database, projectId, sessions.revealed.id))!;
    await finalizeBoard(tdb.database, actors.coderA, ctx, await readDoc(docId));
    const final = (await collect('supervisor', [sessions.revealed.id])).items;
    expect(final.every((d) => d.sessionStatus === 'finalized')).toBe(true);
    const comparable = (list: Disagreement[]) => list.map(({ sessionStatus: _s, date: _d, ...rest }) => rest);
    expect(comparable(final)).toEqual(comparable(live));
  });
});

describe('supervisor comments and reopen requests on settled cells', () => {
  let cell: string;
  beforeAll(async () => {
    cell = (await collect('supervisor', [sessions.finalized.id])).items[0]!.cell;
  });
  const note = (text: string, sessionId = sessions.finalized.id, c = cell) => ({ sessionId, cell: c, text });

  it('a supervisor comments; the desk shows it on the cell', async () => {
    await addReviewComment(tdb.database, actors.supervisor, projectId, note('Look at 12:40 again, please.'));
    const d = (await collect('supervisor', [sessions.finalized.id])).items.find((x) => x.cell === cell)!;
    expect(d.reviewComments.map((c) => [c.authorName, c.text])).toEqual([['Sam Supervisor', 'Look at 12:40 again, please.']]);
  });

  it('refuses coders, empty text, unknown cells, other sessions and cells not yet settled', async () => {
    expect(await kindOf(addReviewComment(tdb.database, actors.coderA, projectId, note('hi')))).toBe('forbidden');
    expect(await kindOf(addReviewComment(tdb.database, actors.outsider, projectId, note('hi')))).toBe('not-found');
    expect(await kindOf(addReviewComment(tdb.database, actors.supervisor, projectId, note('   ')))).toBe('validation');
    expect(await kindOf(addReviewComment(tdb.database, actors.supervisor, projectId, note('hi', sessions.finalized.id, 'nope@0')))).toBe('not-found');
    expect(await kindOf(addReviewComment(tdb.database, actors.supervisor, projectId, note('hi', sessions.finalized.id, `${cell.split('@')[0]}@99`)))).toBe('not-found');
    expect(await kindOf(addReviewComment(tdb.database, actors.supervisor, projectId, note('hi', 'no-such-session')))).toBe('not-found');
    expect(await kindOf(addReviewComment(tdb.database, actors.supervisor, projectId, note('hi', sessions.blind.id)))).toBe('conflict');
  });

  it('a reopen request: one pending per cell, decided by one of the session\'s coders, audited; the consensus list stays', async () => {
    const { t } = tdb.database;
    const rows = () => tdb.database.db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, sessions.finalized.id));
    const consensusBefore = await rows();
    const id = await requestReopen(tdb.database, actors.supervisor, projectId, note('The definition changed since.'));
    expect(await kindOf(requestReopen(tdb.database, actors.owner, projectId, note('Again')))).toBe('conflict');
    expect(await kindOf(decideReopen(tdb.database, actors.supervisor, projectId, id, true))).toBe('forbidden');
    expect(await kindOf(decideReopen(tdb.database, actors.trainer, projectId, id, true))).toBe('forbidden');
    expect(await kindOf(decideReopen(tdb.database, actors.coderB, projectId, 'no-such-request', true))).toBe('not-found');
    await decideReopen(tdb.database, actors.coderB, projectId, id, true);
    expect(await kindOf(decideReopen(tdb.database, actors.coderA, projectId, id, false))).toBe('conflict');
    const d = (await collect('supervisor', [sessions.finalized.id])).items.find((x) => x.cell === cell)!;
    expect(d.reopenRequests.map((r) => [r.status, r.deciderName, r.reason])).toEqual([['accepted', 'Bram Coder', 'The definition changed since.']]);
    expect(await rows()).toEqual(consensusBefore);
    const audit = await listAudit(tdb.database, projectId);
    expect(audit.find((e) => e.kind === 'review.reopen-requested')).toMatchObject({ subject: sessions.finalized.id, detail: { cell, request: id }, actorName: 'Sam Supervisor' });
    expect(audit.find((e) => e.kind === 'review.reopen-accepted')).toMatchObject({ detail: { cell, request: id, note: 'reopened: the coders re-settle the cell' }, actorName: 'Bram Coder' });
    // Declining a new request is recorded too.
    const second = await requestReopen(tdb.database, actors.supervisor, projectId, note('Once more'));
    await decideReopen(tdb.database, actors.coderA, projectId, second, false);
    expect((await listAudit(tdb.database, projectId)).some((e) => e.kind === 'review.reopen-declined')).toBe(true);
  });
});

describe('definition proposals', () => {
  it('a supervisor proposes a change citing disagreements; applying it makes the next version draft, audited', async () => {
    const items = (await collect('supervisor')).items;
    const key = items[0]!.behaviour.key;
    const cited = items.filter((d) => d.behaviour.key === key).map((d) => d.id);
    const input = { behaviourKey: key, definitionEn: 'Only jokes the worker makes count.', definitionNl: 'Alleen grappen van de werker tellen.', includeEn: 'A shared laugh started by the worker.', motivation: 'Rationales show coders counting the father\'s jokes.', cells: cited };
    expect(await kindOf(proposeDefinitionChange(tdb.database, actors.coderA, projectId, input))).toBe('forbidden');
    expect(await kindOf(proposeDefinitionChange(tdb.database, actors.supervisor, projectId, { ...input, cells: ['bogus'] }))).toBe('invalid');
    expect(await kindOf(proposeDefinitionChange(tdb.database, actors.supervisor, projectId, { ...input, cells: ['other-session/x@1'] }))).toBe('invalid');
    expect(await kindOf(proposeDefinitionChange(tdb.database, actors.supervisor, projectId, { ...input, motivation: '' }))).toBe('validation');
    const id = await proposeDefinitionChange(tdb.database, actors.supervisor, projectId, input);
    const [proposal] = await listProposals(tdb.database, projectId, key);
    expect(proposal).toMatchObject({ id, status: 'open', proposerName: 'Sam Supervisor', change: { definition: { en: input.definitionEn, nl: input.definitionNl }, include: { en: input.includeEn, nl: '' } } });
    expect(proposal!.cells.map((c) => `${c.sessionId}/${c.cell}`)).toEqual(cited);

    expect(await kindOf(applyProposal(tdb.database, actors.coderA, projectId, id))).toBe('forbidden');
    const versionsBefore = await listCodebookVersions(tdb.database, projectId);
    const applied = await applyProposal(tdb.database, actors.supervisor, projectId, id);
    expect(applied.number).toBe(versionsBefore[0]!.number + 1);
    const latest = (await latestCodebookVersion(tdb.database, projectId))!;
    expect([latest.id, latest.frozen]).toEqual([applied.versionId, false]);
    expect(findBehaviour(latest.codebook, key)!.behaviour.definition).toEqual({ en: input.definitionEn, nl: input.definitionNl });
    expect(findBehaviour(versionsBefore[0]!.codebook, key)!.behaviour.definition.en).not.toBe(input.definitionEn);
    expect((await listProposals(tdb.database, projectId, key))[0]).toMatchObject({ status: 'applied', appliedVersionId: applied.versionId, appliedVersionNumber: applied.number });
    expect(await kindOf(applyProposal(tdb.database, actors.supervisor, projectId, id))).toBe('conflict');
    expect((await listAudit(tdb.database, projectId)).find((e) => e.kind === 'definition.applied')).toMatchObject({ subject: key, detail: { proposal: id, version: applied.number, cited: cited.length } });

    // A second proposal, applied by the owner, edits the same draft in place.
    const other = items.find((d) => d.behaviour.key !== key)!.behaviour.key;
    const id2 = await proposeDefinitionChange(tdb.database, actors.owner, projectId, { behaviourKey: other, definitionEn: 'Sharper.', motivation: 'Clearer.' });
    const again = await applyProposal(tdb.database, actors.owner, projectId, id2);
    expect(again).toEqual(applied);
    const draft = (await latestCodebookVersion(tdb.database, projectId))!;
    expect(findBehaviour(draft.codebook, other)!.behaviour.definition.en).toBe('Sharper.');
    expect(findBehaviour(draft.codebook, key)!.behaviour.definition.en).toBe(input.definitionEn);
  });
});
