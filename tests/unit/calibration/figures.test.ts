import { describe, it, expect } from 'vitest';
import { krippendorffAlpha, multiCoderCoefficients, ratingMatrixFromTable } from '@/lib/agreement';
import {
  agreementWithGold,
  type CalibrationCriteria,
  calibrationFigures,
  type MarkSet,
  markStatistic,
  passesCriteria,
} from '@/lib/calibration/figures';
import type { Behaviour, Codebook, GroupSource, Localized } from '@/lib/codebook/model';
import { cellKey } from '@/lib/tally/model';

const text = (en: string): Localized => ({ en, nl: '' });

const behaviour = (key: string): Behaviour => ({
  key,
  code: key.toUpperCase(),
  label: text(key),
  polarity: 'positive',
  definition: text(''),
  include: text(''),
  exclude: text(''),
  examples: [],
});

type AspectSpec = { key: string; groups: { source: GroupSource; behaviours: string[] }[] };

/** A small codebook: aspects of groups of behaviour keys, plus rating scales by key. */
function codebook(aspects: AspectSpec[], scales: string[] = []): Codebook {
  return {
    name: 'test',
    aspects: aspects.map((a) => ({
      key: a.key,
      label: text(a.key),
      groups: a.groups.map((g, i) => ({ key: `${a.key}-g${i}`, source: g.source, label: text(g.source), behaviours: g.behaviours.map(behaviour) })),
    })),
    ratingScales: scales.map((key) => ({ key, label: text(key), min: -3, max: 3, anchors: [] })),
  };
}

/** One literature group per aspect. */
const simple = (aspects: Record<string, string[]>, scales: string[] = []) =>
  codebook(
    Object.entries(aspects).map(([key, behaviours]) => ({ key, groups: [{ source: 'literature', behaviours }] })),
    scales,
  );

/** Marks written as "behaviour@interval", e.g. ['b1@0', 'b2@3']. */
const marks = (cells: string[], ratings: Record<string, number> = {}): MarkSet => ({
  marked: new Set(cells),
  ratings: new Map(Object.entries(ratings)),
});

const KAPPA: CalibrationCriteria = { statistic: 'kappa', threshold: 0.7, ratingTolerance: 1, ratingShare: 0.9 };
const AC1: CalibrationCriteria = { ...KAPPA, statistic: 'ac1' };

describe('calibration figures: a trainee against the gold standard', () => {
  it('gives kappa 1 and a pass for a trainee who matches the gold standard exactly', () => {
    const cb = simple({ A: ['b1', 'b2'], B: ['b3'] }, ['s1']);
    const gold = marks(['b1@0', 'b1@2', 'b2@1', 'b3@3'], { s1: 2 });
    const f = calibrationFigures({ codebook: cb, intervals: 4, gold, trainees: [{ id: 't1', marks: gold }] }, KAPPA);
    const [t] = f.trainees;
    expect(t!.overall).toMatchObject({ n: 12, both: 4, over: 0, under: 0, neither: 8 });
    expect(t!.overall.cohenKappa.estimate).toBeCloseTo(1, 12);
    expect(t!.overall.gwetAc1.estimate).toBeCloseTo(1, 12);
    expect(t!.overall.percentAgreement.estimate).toBe(1);
    expect(t!.pass).toEqual({ marks: true, ratings: true, overall: true });
  });

  it('counts over- and under-marks and matches a hand-computed kappa and AC1', () => {
    // 10 cells: both 3, over 2 (trainee only), under 1 (gold only), neither 4.
    // po = 0.7; trainee marks 0.5, gold 0.4: pe = 0.5·0.4 + 0.5·0.6 = 0.5, kappa = 0.2/0.5 = 0.4.
    // AC1: π = 0.45, pe = 2·0.45·0.55 = 0.495, AC1 = 0.205/0.505.
    const cb = simple({ A: ['b1', 'b2'] });
    const gold = marks(['b1@0', 'b1@1', 'b1@2', 'b1@3']);
    const trainee = marks(['b1@0', 'b1@1', 'b1@2', 'b2@0', 'b2@1']);
    const f = calibrationFigures({ codebook: cb, intervals: 5, gold, trainees: [{ id: 't', marks: trainee }] }, KAPPA);
    const overall = f.trainees[0]!.overall;
    expect(overall).toMatchObject({ n: 10, both: 3, over: 2, under: 1, neither: 4 });
    expect(overall.percentAgreement.estimate).toBeCloseTo(0.7, 12);
    expect(overall.cohenKappa.estimate).toBeCloseTo(0.4, 12);
    expect(overall.gwetAc1.estimate).toBeCloseTo(0.205 / 0.505, 12);

    // The same through agreementWithGold with an explicit list of cells.
    const cells = ['b1', 'b2'].flatMap((b) => [0, 1, 2, 3, 4].map((i) => cellKey(b, i)));
    expect(agreementWithGold(gold.marked, trainee.marked, cells)).toEqual(overall);
  });

  it('splits the counts per aspect and per behaviour in codebook order, ignoring marks outside the codebook', () => {
    const cb = simple({ A: ['b1', 'b2'], B: ['b3'] });
    const gold = marks(['b1@0', 'b1@1', 'b3@2']);
    const trainee = marks(['b1@0', 'b2@3', 'b3@2', 'b3@3', 'b1@9', 'gone@0']);
    const t = calibrationFigures({ codebook: cb, intervals: 4, gold, trainees: [{ id: 't', marks: trainee }] }, KAPPA).trainees[0]!;
    const counts = (f: { both: number; over: number; under: number; neither: number }) => [f.both, f.over, f.under, f.neither];
    expect(t.behaviours.map((b) => [b.behaviourKey, b.aspectKey, counts(b.figures)])).toEqual([
      ['b1', 'A', [1, 0, 1, 2]],
      ['b2', 'A', [0, 1, 0, 3]],
      ['b3', 'B', [1, 1, 0, 2]],
    ]);
    expect(t.aspects.map((a) => [a.aspectKey, counts(a.figures)])).toEqual([
      ['A', [1, 1, 1, 5]],
      ['B', [1, 1, 0, 2]],
    ]);
    expect(counts(t.overall)).toEqual([2, 2, 1, 7]);
    expect(t.overall.n).toBe(12);
  });
});

describe('calibration figures: how the group split per cell', () => {
  it('counts marks and misses per cell and lists the most split cells first, ties in codebook order', () => {
    // The instrument group is listed first but displayed after the literature group: bL before bI.
    const cb = codebook([{ key: 'A', groups: [{ source: 'instrument', behaviours: ['bI'] }, { source: 'literature', behaviours: ['bL'] }] }]);
    const gold = marks(['bI@0', 'bL@1', 'bL@2', 'bI@2']);
    const trainees = [
      { id: 't1', marks: marks(['bL@0', 'bL@1', 'bL@2']) },
      { id: 't2', marks: marks(['bL@0', 'bL@2']) },
      { id: 't3', marks: marks(['bI@0', 'bL@2']) },
      { id: 't4', marks: marks(['bI@0', 'bI@1']) },
    ];
    const { cells } = calibrationFigures({ codebook: cb, intervals: 3, gold, trainees }, KAPPA);
    expect(cells.map((c) => [cellKey(c.behaviourKey, c.interval), c.marked, c.of, c.gold, c.split, c.offGold])).toEqual([
      ['bL@0', 2, 4, 0, 0.5, 2],
      ['bI@0', 2, 4, 1, 0.5, 2],
      ['bL@1', 1, 4, 1, 0.25, 3], // same split as the next two, more trainees off gold
      ['bL@2', 3, 4, 1, 0.25, 1],
      ['bI@1', 1, 4, 0, 0.25, 1],
      ['bI@2', 0, 4, 1, 0, 4],
    ]);
  });
});

describe('calibration figures: global ratings', () => {
  const cb = simple({ A: ['b1'] }, ['s1', 's2', 's3', 's4']);
  const gold = marks(['b1@0'], { s1: 2, s2: -1, s3: 0 });

  it('counts a rating within tolerance, one too far and a missing one as not within; scales gold left unrated do not count', () => {
    const trainees = [
      { id: 'off', marks: marks(['b1@0'], { s1: 3, s2: 1, s4: 2 }) },
      { id: 'close', marks: marks(['b1@0'], { s1: 2, s2: 0, s3: -1 }) },
    ];
    const [off, close] = calibrationFigures({ codebook: cb, intervals: 2, gold, trainees }, KAPPA).trainees;
    expect(off!.ratings).toEqual([
      { scaleKey: 's1', gold: 2, trainee: 3, within: true },
      { scaleKey: 's2', gold: -1, trainee: 1, within: false },
      { scaleKey: 's3', gold: 0, trainee: null, within: false },
      { scaleKey: 's4', gold: null, trainee: 2, within: null },
    ]);
    expect(off!.ratingsWithin).toEqual({ within: 1, total: 3, share: 1 / 3 });
    expect(off!.pass).toEqual({ marks: true, ratings: false, overall: false });
    expect(close!.ratingsWithin).toEqual({ within: 3, total: 3, share: 1 });
    expect(close!.pass).toEqual({ marks: true, ratings: true, overall: true });
  });

  it('leaves ratings out of the pass (null) when the gold standard rated nothing', () => {
    const noRatings = marks(['b1@0']);
    const trainee = marks(['b1@0'], { s1: 3 });
    const t = calibrationFigures({ codebook: cb, intervals: 2, gold: noRatings, trainees: [{ id: 't', marks: trainee }] }, KAPPA).trainees[0]!;
    expect(t.ratings.every((r) => r.within === null)).toBe(true);
    expect(t.ratingsWithin).toEqual({ within: 0, total: 0, share: null });
    expect(t.pass).toEqual({ marks: true, ratings: null, overall: true });
  });
});

describe('calibration figures: the pass on marks', () => {
  // A rare behaviour: gold marks 1 of 20 intervals, the trainee none. po = 0.95 but kappa = 0,
  // while AC1 = (0.95 − 0.04875)/(1 − 0.04875) ≈ 0.947 (π = 0.025, pe = 2·0.025·0.975).
  const cb = simple({ A: ['rare'] });
  const gold = marks(['rare@7']);
  const input = { codebook: cb, intervals: 20, gold, trainees: [{ id: 't', marks: marks([]) }] };

  it('fails on kappa and passes on AC1 when a rare behaviour is missed once', () => {
    const onKappa = calibrationFigures(input, KAPPA).trainees[0]!;
    expect(onKappa.overall.cohenKappa.estimate).toBeCloseTo(0, 12);
    expect(onKappa.pass.marks).toBe(false);
    const onAc1 = calibrationFigures(input, AC1).trainees[0]!;
    expect(onAc1.overall.gwetAc1.estimate).toBeCloseTo(0.90125 / 0.95125, 12);
    expect(onAc1.pass).toEqual({ marks: true, ratings: null, overall: true });
    expect(markStatistic(onAc1.overall, 'ac1')).toBe(onAc1.overall.gwetAc1);
    expect(markStatistic(onAc1.overall, 'kappa')).toBe(onAc1.overall.cohenKappa);
  });

  it('fails marks when the chosen statistic is undefined, without falling back to AC1', () => {
    // Neither gold nor trainee marked anything: kappa is 0/0, AC1 is 1.
    const quiet = { ...input, gold: marks([]) };
    const t = calibrationFigures(quiet, KAPPA).trainees[0]!;
    expect(t.overall.cohenKappa.estimate).toBeNull();
    expect(t.pass).toEqual({ marks: false, ratings: null, overall: false });
    expect(calibrationFigures(quiet, AC1).trainees[0]!.pass.marks).toBe(true);
  });

  it('passes a figure that equals the threshold, and gives null marks when there are no cells', () => {
    const overall = agreementWithGold(new Set(['c0', 'c1', 'c2', 'c3']), new Set(['c0', 'c1', 'c2', 'c4', 'c5']), ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    const ratingsWithin = { within: 0, total: 0, share: null };
    expect(passesCriteria({ overall, ratingsWithin }, { ...KAPPA, threshold: 0.4 }).marks).toBe(true);
    expect(passesCriteria({ overall, ratingsWithin }, { ...KAPPA, threshold: 0.41 }).marks).toBe(false);
    const empty = agreementWithGold(new Set(), new Set(), []);
    expect(passesCriteria({ overall: empty, ratingsWithin }, KAPPA)).toEqual({ marks: null, ratings: null, overall: false });
  });
});

describe('calibration figures: the group of trainees', () => {
  const cb = simple({ A: ['b1', 'b2'] });
  const gold = marks([]);
  const t1 = marks(['b1@0', 'b1@1', 'b2@2']);
  const t2 = marks(['b1@0', 'b1@1', 'b1@2']);
  const t3 = marks(['b1@0', 'b2@2', 'b2@3']);

  it("computes Fleiss' kappa and Krippendorff's alpha per behaviour (units = intervals) and overall (units = cells) for 3 trainees", () => {
    const trainees = [t1, t2, t3].map((m, i) => ({ id: `t${i + 1}`, marks: m }));
    const { group } = calibrationFigures({ codebook: cb, intervals: 4, gold, trainees }, KAPPA);
    expect(group.trainees).toBe(3);
    // The same ratings as a units × raters table through lib/agreement's own matrix builder.
    const table = (behaviours: string[]) => behaviours.flatMap((b) => [0, 1, 2, 3].map((i) => [t1, t2, t3].map((m) => (m.marked.has(cellKey(b, i)) ? 1 : 0))));
    const expected = (behaviours: string[]) => {
      const m = ratingMatrixFromTable(table(behaviours));
      const multi = multiCoderCoefficients(m);
      return { fleissKappa: multi.fleissKappa, krippendorffAlpha: krippendorffAlpha(m, 'nominal'), percentAgreement: multi.percentAgreement };
    };
    const { percentAgreement: _, ...overall } = expected(['b1', 'b2']);
    expect(group.overall).toEqual(overall);
    expect(group.overall.fleissKappa.estimate).not.toBeNull();
    expect(group.overall.krippendorffAlpha.estimate).not.toBeNull();
    expect(group.behaviours).toEqual([
      { behaviourKey: 'b1', aspectKey: 'A', ...expected(['b1']) },
      { behaviourKey: 'b2', aspectKey: 'A', ...expected(['b2']) },
    ]);
    expect(group.behaviours.every((b) => b.fleissKappa.estimate !== null && b.krippendorffAlpha.estimate !== null)).toBe(true);
  });

  it('gives Undefined group coefficients with a reason, not an error, for a single trainee', () => {
    const { group, trainees } = calibrationFigures({ codebook: cb, intervals: 4, gold, trainees: [{ id: 't1', marks: t1 }] }, KAPPA);
    expect(trainees).toHaveLength(1);
    expect(group.trainees).toBe(1);
    for (const c of [group.overall.fleissKappa, group.overall.krippendorffAlpha, ...group.behaviours.flatMap((b) => [b.fleissKappa, b.krippendorffAlpha, b.percentAgreement])]) {
      expect(c).toEqual({ estimate: null, reason: expect.stringMatching(/two trainees/) });
    }
  });
});
