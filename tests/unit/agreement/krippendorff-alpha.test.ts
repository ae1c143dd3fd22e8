import { describe, expect, it } from 'vitest';
import { bootstrapKrippendorffAlpha, krippendorffAlpha, ratingMatrixFromTable, tableCoefficients, contingencyTable } from '@/lib/agreement';
import { defined, expectPublished } from './helpers';
import { KRIPPENDORFF_2011, RAW_5_OBSERVERS, RAW_BEN_GERRY, RAW_GENDER } from './published-data';

const example = ratingMatrixFromTable(KRIPPENDORFF_2011);

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's (2011) worked example with missing data at all four levels", () => {
    // Krippendorff (2011), section C, and R irr's kripp.alpha(nmm, …): nominal .743, ordinal .815,
    // interval .849, ratio .797. Nominal by hand: 40 pairable values with frequencies 9, 13, 10, 5, 3
    // (values 1–5) and 8 disagreeing coincidences (units 2, 6 and 8), so
    // α = 1 − 39·8 / (40² − (9² + 13² + 10² + 5² + 3²)) = 1 − 312/1216 = 0.743421.
    expect(defined(krippendorffAlpha(example, 'nominal')).estimate).toBeCloseTo(0.743421, 6);
    expect(defined(krippendorffAlpha(example, 'ordinal')).estimate).toBeCloseTo(0.815388, 6);
    expect(defined(krippendorffAlpha(example, 'interval')).estimate).toBeCloseTo(0.849107, 6);
    expect(defined(krippendorffAlpha(example, 'ratio')).estimate).toBeCloseTo(0.797403, 6);
  });

  it("has irrCAC's krippen.alpha.raw standard errors on cac.raw4raters (nominal 0.146, quadratic = interval 0.129, ratio 0.140)", () => {
    // irrCAC prints SEs rounded to three decimals; the port of its R code gives 0.14548 for
    // the nominal SE, which the Python port rounds to 0.146, so SEs are compared to ±0.001.
    const within = (value: number | null, published: number) => expect(Math.abs(value! - published)).toBeLessThanOrEqual(0.001);
    within(defined(krippendorffAlpha(example, 'nominal')).se, 0.146);
    within(defined(krippendorffAlpha(example, 'interval')).se, 0.129);
    within(defined(krippendorffAlpha(example, 'ratio')).se, 0.14);
  });

  it("matches irrCAC's krippen.alpha.raw on cac.raw5obser (0.481), cac.raw.gender (0.143) and cac.ben.gerry (0.665)", () => {
    expectPublished(krippendorffAlpha(ratingMatrixFromTable(RAW_5_OBSERVERS), 'nominal'), { estimate: 0.481 });
    expectPublished(krippendorffAlpha(ratingMatrixFromTable(RAW_GENDER), 'nominal'), { estimate: 0.143 });
    expectPublished(krippendorffAlpha(ratingMatrixFromTable(RAW_BEN_GERRY), 'nominal'), { estimate: 0.665 });
  });

  it("equals Scott's pi for two coders without missing data, up to the small-sample factor (2n − 1)/2n", () => {
    // With N = 2n pairable values, D_e(α) = D_e(π)·N/(N − 1) and D_o = 1 − po, so α = 1 − (1 − π)(2n − 1)/(2n).
    const rows = [[1, 1], [1, 2], [2, 2], [3, 3], [3, 1], [2, 2], [1, 1], [3, 3], [2, 3], [1, 1]];
    const m = ratingMatrixFromTable(rows);
    const table = contingencyTable(m.codes.filter((_, i) => i % 2 === 0), m.codes.filter((_, i) => i % 2 === 1), m.categories.length);
    const pi = defined(tableCoefficients(table).scottPi).estimate;
    const n = rows.length;
    expect(defined(krippendorffAlpha(m, 'nominal')).estimate).toBeCloseTo(1 - ((1 - pi) * (2 * n - 1)) / (2 * n), 12);
  });

  it('is undefined, with a reason, when every pairable value is the same or values are not numeric', () => {
    expect(krippendorffAlpha(ratingMatrixFromTable([[2, 2], [2, 2], [2, null]]), 'interval')).toEqual({
      estimate: null,
      reason: 'all pairable values are equal, so expected disagreement is 0 and alpha is 0/0',
    });
    expect(krippendorffAlpha(ratingMatrixFromTable([['a', 'b'], ['b', 'b']]), 'interval').estimate).toBeNull();
    expect(krippendorffAlpha(ratingMatrixFromTable([[1, null], [null, 2]]), 'nominal').estimate).toBeNull();
  });
});

describe("bootstrap of Krippendorff's alpha", () => {
  it('is reproducible with a seed, reports progress and brackets the estimate', async () => {
    const progress: number[] = [];
    const run = () => bootstrapKrippendorffAlpha(example, 'interval', { replicates: 200, seed: 7, onProgress: (done) => progress.push(done) });
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(progress.at(-1)).toBe(200);
    const c = defined(first.coefficient);
    expect(c.estimate).toBeCloseTo(0.849107, 6);
    expect(c.ciLow!).toBeLessThan(c.estimate);
    expect(c.ciHigh!).toBeLessThanOrEqual(1);
    expect(first.replicates + first.undefinedReplicates).toBe(200);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(bootstrapKrippendorffAlpha(example, 'nominal', { signal: controller.signal })).rejects.toThrow();
  });
});
