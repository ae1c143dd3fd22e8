/*
 * Blind tallying through the lib functions, as every page and route uses them: before the
 * reveal nobody but the coder reads a tally (partner, supervisor, trainer, owner: 403;
 * non-member: 404), refusals say nothing about the marks, bad writes change nothing, the
 * later write wins per cell, and progress tells who, never what.
 * Starts from the demo project (lib/demo/seed.ts); runs on SQLite and on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { getSession } from '@/lib/sessions/sessions';
import { ownProgress } from '@/lib/tally/progress';
import { writeTally } from '@/lib/tally/tallies';
import { rejectionOf } from './support/errors';
import { SECRET_NOTE, T0, useTallyFixture } from './support/tally-fixture';

const fx = useTallyFixture();
const { d, people, actor, ctxOf, newSession, cell, write, read, submit, storedCells, sorted, expectBareRefusal } = fx;

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
    expect((await getSession(d(), fx.projectId, sessionId))!.status).toBe('coding');
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
