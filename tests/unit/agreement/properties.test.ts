import { describe, expect, it } from 'vitest';
import { type Coefficient, type MeasurementLevel, ratingMatrixFromTable, type RatingsSummary, seededRandom, summarizeRatings } from '@/lib/agreement';

type Rows = (number | string | null)[][];
const random = seededRandom(2024);

/** Ratings of `raters` raters on `units` units: a true category, copied with probability 0.7, with 10% missing. */
function randomRatings(units: number, raters: number, categories: number, missing = 0.1): Rows {
  return Array.from({ length: units }, () => {
    const truth = Math.floor(random() * categories);
    return Array.from({ length: raters }, () => (random() < missing ? null : random() < 0.7 ? truth : Math.floor(random() * categories)));
  });
}

const shuffle = <T,>(xs: readonly T[]): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const COEFFICIENT_KEYS = [
  'percentAgreement', 'occurrenceAgreement', 'nonOccurrenceAgreement', 'cohenKappa', 'scottPi', 'pabak', 'gwetAc1',
  'brennanPrediger', 'fleissKappa', 'krippendorffAlpha', 'cohenKappaLinear', 'cohenKappaQuadratic', 'iccA1', 'iccC1',
] as const satisfies readonly (keyof RatingsSummary)[];

function expectSame(a: RatingsSummary, b: RatingsSummary, keys: readonly (typeof COEFFICIENT_KEYS)[number][] = COEFFICIENT_KEYS) {
  for (const key of keys) {
    const x: Coefficient = a[key];
    const y: Coefficient = b[key];
    if (x.estimate === null || y.estimate === null) {
      expect(y.estimate, key).toBe(x.estimate);
      continue;
    }
    expect(y.estimate, key).toBeCloseTo(x.estimate, 10);
    if ('se' in x && 'se' in y && x.se !== null) expect(y.se, key).toBeCloseTo(x.se, 10);
  }
}

const summary = (rows: Rows, level?: MeasurementLevel) => summarizeRatings(ratingMatrixFromTable(rows), level);

describe('invariance', () => {
  for (const raters of [2, 4]) {
    it(`does not depend on the order of units (${raters} raters, every level)`, () => {
      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
        const rows = randomRatings(60, raters, 4);
        expectSame(summary(rows, level), summary(shuffle(rows), level));
      }
    });

    it(`does not depend on the order of raters (${raters} raters), except the sign of kappa's bias index`, () => {
      const rows = randomRatings(60, raters, 4);
      const order = raters === 2 ? [1, 0] : shuffle([...Array(raters).keys()]);
      const permuted = rows.map((row) => order.map((r) => row[r]!));
      expectSame(summary(rows, 'interval'), summary(permuted, 'interval'));
    });
  }

  it('does not depend on the labels of nominal categories', () => {
    const rows = randomRatings(80, 3, 5);
    const names = shuffle(['stil', 'praat', 'lacht', 'huilt', 'speelt']);
    const relabel = (r: Rows) => r.map((row) => row.map((v) => (v === null ? null : names[v as number]!)));
    expectSame(summary(rows, 'nominal'), summary(relabel(rows), 'nominal'), ['percentAgreement', 'gwetAc1', 'brennanPrediger', 'fleissKappa', 'krippendorffAlpha']);
    const twoRaters = rows.map((row) => row.slice(0, 2));
    expectSame(summary(twoRaters, 'nominal'), summary(relabel(twoRaters), 'nominal'), ['percentAgreement', 'cohenKappa', 'scottPi', 'gwetAc1', 'brennanPrediger']);
  });
});

describe('perfect agreement', () => {
  it('gives 1 for every coefficient that is defined', () => {
    for (const raters of [2, 3]) {
      const rows = Array.from({ length: 30 }, (_, i) => Array.from({ length: raters }, () => i % 4));
      const s = summary(rows, 'interval');
      for (const key of COEFFICIENT_KEYS) {
        const c: Coefficient = s[key];
        if (c.estimate !== null) expect(c.estimate, `${key} with ${raters} raters`).toBeCloseTo(1, 12);
      }
      expect(s.krippendorffAlpha.estimate).toBeCloseTo(1, 12);
      expect(s.iccA1.estimate).toBeCloseTo(1, 12);
    }
  });
});

describe('undefined coefficients', () => {
  it('are null with a reason, never NaN, when both coders never saw the behaviour', () => {
    const s = summary(Array.from({ length: 24 }, () => [0, 0]));
    expect(JSON.stringify(s)).not.toContain('NaN');
    expect(Object.values(s).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
    for (const key of ['cohenKappa', 'scottPi', 'fleissKappa', 'krippendorffAlpha', 'occurrenceAgreement', 'iccA1', 'iccC1'] as const) {
      const c: Coefficient = s[key];
      expect(c.estimate, key).toBeNull();
      if (c.estimate === null) expect(c.reason.length, key).toBeGreaterThan(10);
    }
    expect(s.percentAgreement.estimate).toBe(1);
  });

  it('mark two-rater coefficients as not applying to three raters', () => {
    const s = summary(randomRatings(20, 3, 2, 0));
    expect(s.cohenKappa).toEqual({ estimate: null, reason: 'defined for two raters; these data have 3' });
    expect(s.fleissKappa.estimate).not.toBeNull();
  });
});
