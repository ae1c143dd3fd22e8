/*
 * Blind tallying through the lib functions, as every page and route uses them: before the
 * reveal nobody but the coder reads a tally (partner, supervisor, trainer, owner: 403;
 * non-member: 404), refusals say nothing about the marks, submitted tallies are frozen,
 * bad writes change nothing, and the reveal happens (audited) when every coder submitted.
 * Starts from the demo project (lib/demo/seed.ts); runs on SQLite and on PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail, type User } from '@/lib/accounts/users';
import { listAudit } from '@/lib/audit/audit';
import { createCase } from '@/lib/cases/cases';
import { flattenBehaviours } from '@/lib/codebook/model';
import { seedDemo } from '@/lib/demo/seed';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { addMember } from '@/lib/projects/members';
import { actorIn } from '@/lib/projects/projects';
import { assignCoders, createSession, getSession, listSessions } from '@/lib/sessions/sessions';
import { loadTallyContext, type TallyContext } from '@/lib/tally/access';
import type { CellWrite } from '@/lib/tally/model';
import { ownProgress } from '@/lib/tally/progress';
import { readTally, reopenTally, submitTally, writeTally, type Tally } from '@/lib/tally/tallies';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { rejectionOf } from './support/errors';

type Person = 'owner' | 'coderA' | 'coderB' | 'coderC' | 'trainer' | 'supervisor' | 'outsider';

let tdb: TestDatabase;
let projectId: string;
let codebookVersionId: string;
let behaviourKeys: string[];
const people = {} as Record<Person, User>;

const SECRET_NOTE = 'A-private-note-7f3c: the worker sighs here';

beforeAll(async () => {
  tdb = await createTestDatabase();
  const seeded = await seedDemo(tdb.database);
  projectId = seeded!.projectId;
  const byEmail = async (email: string) => (await findUserByEmail(tdb.database, email))!;
  people.owner = await byEmail('owner@demo.concord');
  people.coderA = await byEmail('coder.a@demo.concord');
  people.coderB = await byEmail('coder.b@demo.concord');
  people.trainer = await byEmail('trainer@demo.concord');
  people.supervisor = await byEmail('supervisor@demo.concord');
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
/** A fresh 50-minute session (ten intervals) on the demo codebook, coders A and B assigned. */
async function newSession(coders: Person[] = ['coderA', 'coderB']): Promise<string> {
  const kase = await createCase(d(), projectId, { caseNumber: `BL-${++counter}` });
  const session = await createSession(d(), projectId, people.owner.id, { caseId: kase.id, label: `Blind ${counter}`, durationMinutes: 50, intervalMinutes: 5, codebookVersionId });
  await assignCoders(d(), projectId, session.id, coders.map((c) => people[c].id), people.owner.id);
  return session.id;
}

const T0 = 1_732_000_000_000; // a realistic Date.now(): needs 64-bit storage
function cell(b: number, interval: number, value: 0 | 1 = 1, clientTime = T0, note = '', moments: number[] = []): CellWrite {
  return { behaviourKey: behaviourKeys[b]!, interval, value, note, moments, clientTime };
}

async function write(who: Person, sessionId: string, cells: CellWrite[], ratings: unknown[] = []) {
  return writeTally(d(), await actor(who), await ctxOf(sessionId), { cells, ratings });
}
async function read(who: Person, sessionId: string, coder: Person): Promise<Tally> {
  return readTally(d(), await actor(who), await ctxOf(sessionId), people[coder].id);
}
async function submit(who: Person, sessionId: string) {
  return submitTally(d(), await actor(who), await ctxOf(sessionId));
}

/** The stored rows of one coder's tally, straight from the table. */
async function storedCells(sessionId: string, coder: Person) {
  const { t } = d();
  const rows = await d()
    .db.select()
    .from(t.tallyCells)
    .where(and(eq(t.tallyCells.sessionId, sessionId), eq(t.tallyCells.coderId, people[coder].id)));
  return rows.map((r) => ({ behaviourKey: r.behaviourKey, interval: r.interval, value: r.value, note: r.note, moments: JSON.parse(r.moments) as number[], clientTime: Number(r.clientTime) })).sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
}

function sorted(cells: readonly CellWrite[]) {
  return [...cells].sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
}

/** The refusal must carry a bare message key: nothing about the marks, notes or counts. */
function expectBareRefusal(e: unknown, kind: 'forbidden' | 'not-found') {
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
}

describe('before the reveal', () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await newSession();
    const result = await write('coderA', sessionId, [cell(0, 0), cell(0, 1), cell(1, 4, 1, T0, SECRET_NOTE, [1234.5]), cell(2, 9, 0, T0, 'doubt')]);
    expect(result).toEqual({ ok: true, applied: 4 });
  });

  it('coder A reads their own tally: marks, notes and moments', async () => {
    const tally = await read('coderA', sessionId, 'coderA');
    expect(tally.coderId).toBe(people.coderA.id);
    expect(tally.submitted).toBe(false);
    expect(sorted(tally.cells)).toEqual(sorted([cell(0, 0), cell(0, 1), cell(1, 4, 1, T0, SECRET_NOTE, [1234.5]), cell(2, 9, 0, T0, 'doubt')]));
  });

  for (const who of ['coderB', 'supervisor', 'trainer', 'owner', 'coderC'] as const) {
    it(`${who} cannot read coder A's tally (403, a bare refusal)`, async () => {
      expectBareRefusal(await rejectionOf(read(who, sessionId, 'coderA')), 'forbidden');
    });
  }

  it("a non-member gets 404 for coder A's tally, and for their own", async () => {
    expectBareRefusal(await rejectionOf(read('outsider', sessionId, 'coderA')), 'not-found');
    expectBareRefusal(await rejectionOf(read('outsider', sessionId, 'outsider')), 'not-found');
  });

  it("the refusal is the same whether coder A has marks or not (it does not reveal that A started)", async () => {
    const empty = await newSession();
    const withMarks = await rejectionOf(read('coderB', sessionId, 'coderA'));
    const withoutMarks = await rejectionOf(read('coderB', empty, 'coderA'));
    expect({ ...(withMarks as DomainError), message: (withMarks as Error).message }).toEqual({ ...(withoutMarks as DomainError), message: (withoutMarks as Error).message });
  });

  it("coder B's writes go into B's own tally only; A's stays as it was", async () => {
    const before = await storedCells(sessionId, 'coderA');
    // A forged write naming coder A: the unknown field is dropped, the write is B's.
    const forged = { cells: [{ ...cell(0, 0, 0, T0 + 10_000), coderId: people.coderA.id }], ratings: [], coderId: people.coderA.id };
    expect(await writeTally(d(), await actor('coderB'), await ctxOf(sessionId), forged)).toEqual({ ok: true, applied: 1 });
    expect(await storedCells(sessionId, 'coderA')).toEqual(before);
    expect(await storedCells(sessionId, 'coderB')).toEqual([cell(0, 0, 0, T0 + 10_000)]);
  });

  for (const who of ['supervisor', 'trainer', 'owner', 'coderC'] as const) {
    it(`${who} (not an assigned coder) cannot write or submit (403)`, async () => {
      expect(((await rejectionOf(write(who, sessionId, [cell(0, 0)]))) as DomainError).kind).toBe('forbidden');
      expect(((await rejectionOf(submit(who, sessionId))) as DomainError).kind).toBe('forbidden');
      expect(await storedCells(sessionId, who)).toEqual([]);
    });
  }

  it('a non-member cannot write (404)', async () => {
    expect(((await rejectionOf(write('outsider', sessionId, [cell(0, 0)]))) as DomainError).kind).toBe('not-found');
  });

  it('the session is still coding, and nobody can read A before B submits', async () => {
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('coding');
  });
});

describe('bad writes change nothing', () => {
  let sessionId: string;
  let before: Awaited<ReturnType<typeof storedCells>>;
  beforeAll(async () => {
    sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0), cell(1, 1)]);
    before = await storedCells(sessionId, 'coderA');
  });

  it('an interval outside the session is refused with the problem listed; the good writes in the batch are not applied', async () => {
    const result = await write('coderA', sessionId, [cell(2, 2), cell(3, 10), cell(0, 0, 0, T0 + 1)]);
    expect(result).toEqual({ ok: false, problems: [{ index: 1, kind: 'cell', problem: 'interval-out-of-range' }] });
    expect(await storedCells(sessionId, 'coderA')).toEqual(before);
  });

  it('a behaviour not in the codebook version is refused; nothing written', async () => {
    const result = await write('coderA', sessionId, [cell(2, 2), { ...cell(0, 3), behaviourKey: 'not-in-this-codebook' }]);
    expect(result).toEqual({ ok: false, problems: [{ index: 1, kind: 'cell', problem: 'unknown-behaviour' }] });
    expect(await storedCells(sessionId, 'coderA')).toEqual(before);
  });

  it('a rating for an unknown scale or out of range is refused; nothing written', async () => {
    const ctx = await ctxOf(sessionId);
    const scale = ctx.codebook.ratingScales[0]!;
    const result = await write('coderA', sessionId, [cell(2, 2)], [
      { scaleKey: 'nope', value: 1, clientTime: T0 },
      { scaleKey: scale.key, value: scale.max + 1, clientTime: T0 },
    ]);
    expect(result.ok).toBe(false);
    expect(await storedCells(sessionId, 'coderA')).toEqual(before);
    expect((await read('coderA', sessionId, 'coderA')).ratings).toEqual([]);
  });

  it('malformed input (value 2) is refused as invalid; nothing written', async () => {
    const e = await rejectionOf(writeTally(d(), await actor('coderA'), await ctxOf(sessionId), { cells: [{ ...cell(2, 2), value: 2 }] }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).kind).toBe('invalid');
    expect((e as DomainError).key).toBe('tally.malformed');
    expect(await storedCells(sessionId, 'coderA')).toEqual(before);
  });

  it('a good rating is stored and read back', async () => {
    const ctx = await ctxOf(sessionId);
    const scale = ctx.codebook.ratingScales[0]!;
    expect(await write('coderA', sessionId, [], [{ scaleKey: scale.key, value: scale.min, clientTime: T0 }])).toEqual({ ok: true, applied: 1 });
    expect((await read('coderA', sessionId, 'coderA')).ratings).toEqual([{ scaleKey: scale.key, value: scale.min, clientTime: T0 }]);
    // An older rating write does not replace it.
    await write('coderA', sessionId, [], [{ scaleKey: scale.key, value: scale.max, clientTime: T0 - 1 }]);
    expect((await read('coderA', sessionId, 'coderA')).ratings[0]!.value).toBe(scale.min);
  });
});

describe('last writer wins per cell', () => {
  it('two writes to one cell arriving in reverse clientTime order keep the later one', async () => {
    const sessionId = await newSession();
    await write('coderA', sessionId, [cell(5, 3, 0, T0 + 2_000, 'later: taken back')]);
    await write('coderA', sessionId, [cell(5, 3, 1, T0 + 1_000, 'earlier: marked')]); // the offline replay arrives late
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(5, 3, 0, T0 + 2_000, 'later: taken back')]);
  });

  it('an equal clientTime does not overwrite; a later one does', async () => {
    const sessionId = await newSession();
    await write('coderA', sessionId, [cell(5, 3, 1, T0, 'first')]);
    await write('coderA', sessionId, [cell(5, 3, 0, T0, 'same time')]);
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(5, 3, 1, T0, 'first')]);
    await write('coderA', sessionId, [cell(5, 3, 0, T0 + 1, 'later')]);
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(5, 3, 0, T0 + 1, 'later')]);
  });

  it('within one batch, the later write of a cell wins whatever its position', async () => {
    const sessionId = await newSession();
    await write('coderA', sessionId, [cell(6, 1, 1, T0 + 5), cell(6, 1, 0, T0 + 3)]);
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(6, 1, 1, T0 + 5)]);
  });
});

describe('progress', () => {
  it('ownProgress counts the intervals the coder touched, per session, and only the coder\'s own', async () => {
    const s1 = await newSession();
    const s2 = await newSession();
    const s3 = await newSession();
    await write('coderA', s1, [cell(0, 0), cell(1, 0), cell(0, 3), cell(2, 7, 0, T0, 'unmarked but noted')]);
    await write('coderA', s2, [cell(0, 9)]);
    await write('coderB', s3, [cell(0, 0), cell(0, 1)]);
    const progress = await ownProgress(d(), people.coderA.id, [s1, s2, s3]);
    expect(progress.get(s1)).toBe(3);
    expect(progress.get(s2)).toBe(1);
    expect(progress.get(s3) ?? 0).toBe(0);
    expect((await ownProgress(d(), people.coderB.id, [s1, s2, s3])).get(s3)).toBe(2);
    expect((await ownProgress(d(), people.coderA.id, [])).size).toBe(0);
  });
});

describe('submit, freeze and reveal', () => {
  let sessionId: string;
  let frozen: Awaited<ReturnType<typeof storedCells>>;
  beforeAll(async () => {
    sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0), cell(1, 4, 1, T0, SECRET_NOTE, [300.5])]);
    await write('coderB', sessionId, [cell(0, 1)]);
  });

  it('coder A submits; the session is not yet revealed', async () => {
    expect(await submit('coderA', sessionId)).toEqual({ revealed: false, finalized: false });
    frozen = await storedCells(sessionId, 'coderA');
    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(true);
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('coding');
  });

  it("A's further writes are refused ('tally.submitted') and the stored rows do not change", async () => {
    for (const cells of [[cell(0, 0, 0, T0 + 99_999)], [cell(3, 3, 1, T0 + 99_999)]]) {
      const e = await rejectionOf(write('coderA', sessionId, cells));
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).key).toBe('tally.submitted');
    }
    expect(await storedCells(sessionId, 'coderA')).toEqual(frozen);
  });

  it('a write with a context loaded before the submit is refused inside the transaction too', async () => {
    const s = await newSession();
    await write('coderA', s, [cell(0, 0)]);
    const staleCtx = await ctxOf(s);
    await submit('coderA', s);
    const e = await rejectionOf(writeTally(d(), await actor('coderA'), staleCtx, { cells: [cell(0, 0, 0, T0 + 5), cell(4, 4)] }));
    expect((e as DomainError).key).toBe('tally.submitted');
    expect(await storedCells(s, 'coderA')).toEqual([cell(0, 0)]);
  });

  it('submitting twice is refused', async () => {
    expect(((await rejectionOf(submit('coderA', sessionId))) as DomainError).key).toBe('tally.submitted');
  });

  it("the partner and the supervisor still cannot read A's submitted tally before B submits", async () => {
    expectBareRefusal(await rejectionOf(read('coderB', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('supervisor', sessionId, 'coderA')), 'forbidden');
  });

  it("B's submit reveals the session, with a 'session.revealed' audit event", async () => {
    expect(await submit('coderB', sessionId)).toEqual({ revealed: true, finalized: false });
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('revealed');
    const events = (await listAudit(d(), projectId)).filter((e) => e.kind === 'session.revealed' && e.subject === sessionId);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorName).toBe(people.coderB.name);
    expect(events[0]!.detail.coders).toEqual(expect.arrayContaining([people.coderA.id, people.coderB.id]));
    expect(JSON.stringify(events[0])).not.toContain(SECRET_NOTE);
  });

  it("after the reveal B, the supervisor and the owner read A's tally, notes and moments included", async () => {
    for (const who of ['coderB', 'supervisor', 'owner'] as const) {
      const tally = await read(who, sessionId, 'coderA');
      expect(tally.submitted, who).toBe(true);
      expect(sorted(tally.cells), who).toEqual(sorted([cell(0, 0), cell(1, 4, 1, T0, SECRET_NOTE, [300.5])]));
    }
    expect(sorted((await read('coderA', sessionId, 'coderB')).cells)).toEqual([cell(0, 1)]);
  });

  it("after the reveal the trainer and a coder not assigned to the session still cannot; a non-member gets 404", async () => {
    expectBareRefusal(await rejectionOf(read('trainer', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('coderC', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('outsider', sessionId, 'coderA')), 'not-found');
  });

  it('after the reveal nobody writes, and the owner cannot reopen', async () => {
    for (const who of ['coderA', 'coderB'] as const) {
      expect(((await rejectionOf(write(who, sessionId, [cell(9, 9)]))) as DomainError).kind).toBe('conflict');
    }
    const e = await rejectionOf(reopenTally(d(), await actor('owner'), await ctxOf(sessionId), people.coderA.id));
    expect((e as DomainError).key).toBe('tally.alreadyRevealed');
    expect(await storedCells(sessionId, 'coderA')).toEqual(frozen);
  });
});

describe('reopening a submitted tally before the reveal', () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0)]);
    await submit('coderA', sessionId);
  });

  it('a coder (even the tally\'s own), the supervisor and the trainer cannot reopen (403); a non-member gets 404', async () => {
    for (const who of ['coderA', 'coderB', 'supervisor', 'trainer'] as const) {
      const e = await rejectionOf(reopenTally(d(), await actor(who), await ctxOf(sessionId), people.coderA.id));
      expect((e as DomainError).kind, who).toBe('forbidden');
    }
    expect(((await rejectionOf(reopenTally(d(), await actor('outsider'), await ctxOf(sessionId), people.coderA.id))) as DomainError).kind).toBe('not-found');
    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(true);
    expect((await listAudit(d(), projectId)).filter((e) => e.kind === 'tally.reopened' && e.subject === sessionId)).toEqual([]);
  });

  it('the owner reopens it, audited; A can write again, and the reveal still waits for both', async () => {
    await reopenTally(d(), await actor('owner'), await ctxOf(sessionId), people.coderA.id);
    const events = (await listAudit(d(), projectId)).filter((e) => e.kind === 'tally.reopened' && e.subject === sessionId);
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toEqual({ coderId: people.coderA.id });
    expect(events[0]!.actorName).toBe(people.owner.name);

    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(false);
    expect(await write('coderA', sessionId, [cell(0, 0, 0, T0 + 1)])).toEqual({ ok: true, applied: 1 });
    // Reopening reveals nothing to the owner.
    expectBareRefusal(await rejectionOf(read('owner', sessionId, 'coderA')), 'forbidden');

    expect(await submit('coderB', sessionId)).toEqual({ revealed: false, finalized: false });
    expect(await submit('coderA', sessionId)).toEqual({ revealed: true, finalized: false });
    expect((await getSession(d(), projectId, sessionId))!.status).toBe('revealed');
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(0, 0, 0, T0 + 1)]);
  });
});

describe('concurrency: submits and writes racing each other', () => {
  it('two coders submitting at the same moment reveal the session exactly once', async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, () => newSession()));
    const outcomes: { revealed: boolean }[][] = [];
    for (const sessionId of sessions) {
      const ctx = await ctxOf(sessionId); // both requests loaded their context before either submitted
      const [a, b] = [await actor('coderA'), await actor('coderB')];
      outcomes.push(await Promise.all([submitTally(d(), a, ctx), submitTally(d(), b, ctx)]));
    }
    const audit = await listAudit(d(), projectId);
    const report = await Promise.all(
      sessions.map(async (sessionId, i) => ({
        status: (await getSession(d(), projectId, sessionId))!.status,
        revealedBy: outcomes[i]!.filter((o) => o.revealed).length,
        events: audit.filter((e) => e.kind === 'session.revealed' && e.subject === sessionId).length,
      })),
    );
    // Both coders have submitted, so every session must be revealed, once, with one audit event.
    expect(report).toEqual(sessions.map(() => ({ status: 'revealed', revealedBy: 1, events: 1 })));
  });

  it('a write racing its coder\'s submit either lands before the submit or is refused: the submitted tally never changes afterwards', async () => {
    const sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0)]);
    const ctx = await ctxOf(sessionId);
    const a = await actor('coderA');
    // A large batch (every cell of the grid), so that the write's transaction is still busy when the submit arrives.
    const everything = behaviourKeys.flatMap((_, b) => Array.from({ length: 10 }, (_, i) => cell(b, i, 1, T0 + 1)));
    const writing = writeTally(d(), a, ctx, { cells: everything }).then(
      (r) => ({ ok: r.ok }),
      (e: unknown) => ({ ok: false, key: (e as DomainError).key }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(await submitTally(d(), a, ctx)).toEqual({ revealed: false, finalized: false });
    const atSubmit = await storedCells(sessionId, 'coderA');
    const outcome = await writing;
    const afterwards = await storedCells(sessionId, 'coderA');
    expect({ outcome, rowsAtSubmit: atSubmit.length, rowsAfterwards: afterwards.length }).toEqual({
      outcome,
      rowsAtSubmit: afterwards.length,
      rowsAfterwards: afterwards.length,
    });
    expect(afterwards.length === 1 ? outcome.ok === false : outcome.ok === true).toBe(true);
  });
});
