/*
 * Checking a batch of tally writes against the session's codebook and intervals, and the
 * summary a coder sees before submitting.
 */
import { describe, expect, it } from 'vitest';
import { demoCodebook } from '@/lib/codebook/demo';
import { flattenBehaviours } from '@/lib/codebook/model';
import { checkBatch } from '@/lib/tally/batch';
import { MAX_BATCH_WRITES, MAX_MOMENTS_PER_CELL, MAX_NOTE_LENGTH, type CellWrite } from '@/lib/tally/model';
import { summarizeTally } from '@/lib/tally/summary';

const codebook = demoCodebook();
const placed = flattenBehaviours(codebook);
const [b0, b1, b2] = placed.map((p) => p.behaviour.key) as [string, string, string];
const scale = codebook.ratingScales[0]!; // −3 … +3
const INTERVALS = 10;

function cell(behaviourKey: string, interval: number, extra: Partial<CellWrite> = {}): Record<string, unknown> {
  return { behaviourKey, interval, value: 1, note: '', moments: [], clientTime: 1_732_000_000_000, ...extra };
}

describe('checkBatch: accepting', () => {
  it('accepts a good batch of cells and ratings, filling the optional fields', () => {
    const input = {
      cells: [
        cell(b0, 0),
        { behaviourKey: b1, interval: INTERVALS - 1, value: 0, clientTime: 5 }, // note and moments omitted
        cell(b2, 4, { note: 'saw it twice', moments: [1201.5, 1260] }),
      ],
      ratings: [
        { scaleKey: scale.key, value: scale.max, clientTime: 7 },
        { scaleKey: scale.key, value: null, clientTime: 8 },
      ],
    };
    const result = checkBatch(input, codebook, INTERVALS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.batch.cells).toHaveLength(3);
    expect(result.batch.cells[1]).toEqual({ behaviourKey: b1, interval: INTERVALS - 1, value: 0, note: '', moments: [], clientTime: 5 });
    expect(result.batch.cells[2]).toMatchObject({ note: 'saw it twice', moments: [1201.5, 1260] });
    expect(result.batch.ratings).toHaveLength(2);
  });

  it('accepts an empty object as an empty batch', () => {
    expect(checkBatch({}, codebook, INTERVALS)).toEqual({ ok: true, batch: { cells: [], ratings: [] } });
  });

  it('accepts the limits themselves: the longest note, the most moments, the most writes', () => {
    const longNote = cell(b0, 0, { note: 'x'.repeat(MAX_NOTE_LENGTH), moments: Array.from({ length: MAX_MOMENTS_PER_CELL }, (_, i) => i) });
    expect(checkBatch({ cells: [longNote] }, codebook, INTERVALS).ok).toBe(true);
    const many = Array.from({ length: MAX_BATCH_WRITES }, (_, i) => cell(placed[i % placed.length]!.behaviour.key, i % INTERVALS));
    expect(checkBatch({ cells: many }, codebook, INTERVALS).ok).toBe(true);
  });

  it('drops fields it does not know (a write cannot name another coder or session)', () => {
    const result = checkBatch({ cells: [{ ...cell(b0, 0), coderId: 'someone-else', sessionId: 'other' }], coderId: 'x' }, codebook, INTERVALS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.batch.cells[0]!).sort()).toEqual(['behaviourKey', 'clientTime', 'interval', 'moments', 'note', 'value']);
    expect(Object.keys(result.batch)).not.toContain('coderId');
  });
});

describe('checkBatch: refusing against the session', () => {
  it('lists every problem: unknown behaviours, intervals outside the session, unknown scales, ratings out of range', () => {
    const input = {
      cells: [
        cell(b0, 0), // fine
        cell('not-a-behaviour', 0),
        cell(b1, INTERVALS), // one past the last interval
        cell(b2, -1),
        cell(b0, 1), // fine
        cell('also-unknown', 99),
      ],
      ratings: [
        { scaleKey: scale.key, value: 0, clientTime: 1 }, // fine
        { scaleKey: 'no-such-scale', value: 1, clientTime: 1 },
        { scaleKey: scale.key, value: scale.max + 1, clientTime: 1 },
        { scaleKey: scale.key, value: scale.min - 1, clientTime: 1 },
      ],
    };
    const result = checkBatch(input, codebook, INTERVALS);
    expect(result).toEqual({
      ok: false,
      malformed: false,
      problems: [
        { index: 1, kind: 'cell', problem: 'unknown-behaviour' },
        { index: 2, kind: 'cell', problem: 'interval-out-of-range' },
        { index: 3, kind: 'cell', problem: 'interval-out-of-range' },
        { index: 5, kind: 'cell', problem: 'unknown-behaviour' },
        { index: 1, kind: 'rating', problem: 'unknown-scale' },
        { index: 2, kind: 'rating', problem: 'rating-out-of-range' },
        { index: 3, kind: 'rating', problem: 'rating-out-of-range' },
      ],
    });
  });

  it('refuses the whole batch for one bad write (no partial batch comes back)', () => {
    const result = checkBatch({ cells: [cell(b0, 0), cell(b0, 1), cell(b0, INTERVALS + 5)] }, codebook, INTERVALS);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('batch');
  });

  it('a session with fewer intervals refuses intervals the codebook alone would allow', () => {
    expect(checkBatch({ cells: [cell(b0, 3)] }, codebook, 3)).toMatchObject({ ok: false, malformed: false, problems: [{ index: 0, problem: 'interval-out-of-range' }] });
    expect(checkBatch({ cells: [cell(b0, 0)] }, codebook, 0)).toMatchObject({ ok: false, malformed: false });
  });

  it('knows behaviours by key only, not by code or label', () => {
    const behaviour = placed[0]!.behaviour;
    expect(checkBatch({ cells: [cell(behaviour.code, 0)] }, codebook, INTERVALS)).toMatchObject({ ok: false, malformed: false, problems: [{ problem: 'unknown-behaviour' }] });
  });
});

describe('checkBatch: refusing malformed input', () => {
  const malformed: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'cells'],
    ['an array', [cell(b0, 0)]],
    ['cells not an array', { cells: cell(b0, 0) }],
    ['value 2', { cells: [cell(b0, 0, { value: 2 as 0 })] }],
    ['value -1', { cells: [cell(b0, 0, { value: -1 as 0 })] }],
    ['value true', { cells: [{ ...cell(b0, 0), value: true }] }],
    ['value "1"', { cells: [{ ...cell(b0, 0), value: '1' }] }],
    ['interval as a string', { cells: [{ ...cell(b0, 0), interval: '3' }] }],
    ['fractional interval', { cells: [cell(b0, 1.5)] }],
    ['missing interval', { cells: [{ behaviourKey: b0, value: 1, clientTime: 1 }] }],
    ['behaviour key a number', { cells: [{ ...cell(b0, 0), behaviourKey: 42 }] }],
    ['empty behaviour key', { cells: [cell('', 0)] }],
    ['overlong behaviour key', { cells: [cell('k'.repeat(101), 0)] }],
    ['missing clientTime', { cells: [{ behaviourKey: b0, interval: 0, value: 1 }] }],
    ['negative clientTime', { cells: [cell(b0, 0, { clientTime: -1 })] }],
    ['fractional clientTime', { cells: [cell(b0, 0, { clientTime: 1.5 })] }],
    ['clientTime as a string', { cells: [{ ...cell(b0, 0), clientTime: '1732000000000' }] }],
    ['note too long', { cells: [cell(b0, 0, { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) })] }],
    ['note a number', { cells: [{ ...cell(b0, 0), note: 5 }] }],
    ['too many moments', { cells: [cell(b0, 0, { moments: Array.from({ length: MAX_MOMENTS_PER_CELL + 1 }, (_, i) => i) })] }],
    ['a negative moment', { cells: [cell(b0, 0, { moments: [-1] })] }],
    ['a moment as a string', { cells: [{ ...cell(b0, 0), moments: ['12'] }] }],
    ['an infinite moment', { cells: [cell(b0, 0, { moments: [Infinity] })] }],
    ['too many writes', { cells: Array.from({ length: MAX_BATCH_WRITES + 1 }, () => cell(b0, 0)) }],
    ['a fractional rating', { ratings: [{ scaleKey: scale.key, value: 1.5, clientTime: 1 }] }],
    ['a rating without clientTime', { ratings: [{ scaleKey: scale.key, value: 1 }] }],
    ['too many ratings', { ratings: Array.from({ length: 201 }, () => ({ scaleKey: scale.key, value: 0, clientTime: 1 })) }],
  ];

  it.each(malformed)('refuses %s as malformed', (_label, input) => {
    expect(checkBatch(input, codebook, INTERVALS)).toEqual({ ok: false, malformed: true });
  });
});

describe('summarizeTally', () => {
  const behaviours = [
    { key: 'a1', aspectKey: 'A' },
    { key: 'a2', aspectKey: 'A' },
    { key: 'a3', aspectKey: 'A' },
    { key: 'b1', aspectKey: 'B' },
    { key: 'b2', aspectKey: 'B' },
  ];
  const mark = (key: string, interval: number, value: 0 | 1 = 1, note = ''): CellWrite => ({ behaviourKey: key, interval, value, note, moments: [], clientTime: 1 });

  it('counts marks per aspect and lists the rows left empty, in codebook order', () => {
    const cells = [mark('a1', 0), mark('a1', 1), mark('a1', 2), mark('a3', 5), mark('b2', 0), mark('a2', 4, 0, 'considered, not marked')];
    const summary = summarizeTally(behaviours, cells, 6);
    expect(summary.aspects).toEqual([
      { aspectKey: 'A', marks: 4, behaviours: 3, emptyRows: ['a2'] },
      { aspectKey: 'B', marks: 1, behaviours: 2, emptyRows: ['b1'] },
    ]);
    expect(summary.marks).toBe(5);
    expect(summary.intervalCount).toBe(6);
    // Intervals touched: 0, 1, 2, 4 (the unmarked cell with a note), 5.
    expect(summary.intervalsTouched).toBe(5);
  });

  it('an empty tally: no marks, every row empty', () => {
    const summary = summarizeTally(behaviours, [], 10);
    expect(summary.marks).toBe(0);
    expect(summary.intervalsTouched).toBe(0);
    expect(summary.aspects.map((a) => a.emptyRows)).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2']]);
  });

  it('a row whose marks were all taken back again is empty', () => {
    const summary = summarizeTally(behaviours, [mark('b1', 0, 0), mark('b1', 1, 0)], 10);
    expect(summary.aspects.find((a) => a.aspectKey === 'B')!.emptyRows).toEqual(['b1', 'b2']);
  });

  it('per-aspect counts and touched intervals ignore cells outside the grid', () => {
    const cells = [mark('a1', 0), mark('a1', 12), mark('gone', 0), mark('b1', -1)];
    const summary = summarizeTally(behaviours, cells, 10);
    expect(summary.aspects.map((a) => a.marks)).toEqual([1, 0]);
    expect(summary.aspects.find((a) => a.aspectKey === 'B')!.emptyRows).toEqual(['b1', 'b2']);
    expect(summary.intervalsTouched).toBe(1);
  });

  it('works on the demo codebook: every behaviour in exactly one aspect', () => {
    const behavioursOfDemo = placed.map((p) => ({ key: p.behaviour.key, aspectKey: p.aspect.key }));
    const summary = summarizeTally(behavioursOfDemo, [mark(b0, 0), mark(b0, 9), mark(b1, 3)], 10);
    expect(summary.aspects.map((a) => a.aspectKey)).toEqual(codebook.aspects.map((a) => a.key));
    expect(summary.aspects.reduce((n, a) => n + a.behaviours, 0)).toBe(placed.length);
    expect(summary.aspects[0]!.marks).toBe(3);
    expect(summary.aspects[0]!.emptyRows).not.toContain(b0);
    expect(summary.marks).toBe(3);
  });
});
