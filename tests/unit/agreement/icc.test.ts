import { describe, expect, it } from 'vitest';
import { ICC_A1, ICC_C1, iccFromRatings, intraclassCorrelation, ratingMatrixFromTable } from '@/lib/agreement';
import { defined } from './helpers';
import { ANXIETY, SHROUT_FLEISS_1979 } from './published-data';

const scores = (rows: number[][]) => Float64Array.from(rows.flat());

describe('intraclass correlation', () => {
  it('reproduces Shrout & Fleiss (1979, Table 4): ICC(1,1) .17, (2,1) .29, (3,1) .71, (1,k) .44, (2,k) .62, (3,k) .91', () => {
    const x = scores(SHROUT_FLEISS_1979);
    const icc = (model: 'oneway' | 'twoway', type: 'agreement' | 'consistency', unit: 'single' | 'average') =>
      defined(intraclassCorrelation(x, 6, 4, { model, type, unit })).estimate;
    expect(icc('oneway', 'agreement', 'single')).toBeCloseTo(0.17, 2);
    expect(icc('twoway', 'agreement', 'single')).toBeCloseTo(0.29, 2);
    expect(icc('twoway', 'consistency', 'single')).toBeCloseTo(0.71, 2);
    expect(icc('oneway', 'agreement', 'average')).toBeCloseTo(0.44, 2);
    expect(icc('twoway', 'agreement', 'average')).toBeCloseTo(0.62, 2);
    expect(icc('twoway', 'consistency', 'average')).toBeCloseTo(0.91, 2);
  });

  it("gives the McGraw & Wong (1996) F-based intervals that R's psych::ICC prints for those data", () => {
    // psych::ICC(Shrout & Fleiss data): ICC2 [0.019, 0.76], ICC3 [0.34, 0.95].
    const x = scores(SHROUT_FLEISS_1979);
    const a1 = defined(intraclassCorrelation(x, 6, 4, ICC_A1));
    const c1 = defined(intraclassCorrelation(x, 6, 4, ICC_C1));
    expect(a1.ciLow).toBeCloseTo(0.019, 3);
    expect(a1.ciHigh).toBeCloseTo(0.76, 2);
    expect(c1.ciLow).toBeCloseTo(0.34, 2);
    expect(c1.ciHigh).toBeCloseTo(0.95, 2);
    expect(a1.se).toBeNull();
  });

  it("matches the irr package's icc(anxiety, 'twoway', 'agreement'): ICC(A,1) = 0.198, CI −0.039 to 0.494", () => {
    const r = defined(iccFromRatings(ratingMatrixFromTable(ANXIETY), ICC_A1));
    expect(r.estimate).toBeCloseTo(0.198, 3);
    expect(r.ciLow).toBeCloseTo(-0.039, 3);
    expect(r.ciHigh).toBeCloseTo(0.494, 3);
  });

  it('leaves out units that a rater did not score (listwise, as irr)', () => {
    const complete = defined(iccFromRatings(ratingMatrixFromTable(SHROUT_FLEISS_1979), ICC_C1)).estimate;
    const withGap = defined(iccFromRatings(ratingMatrixFromTable([...SHROUT_FLEISS_1979, [5, null, 3, 4]]), ICC_C1)).estimate;
    expect(withGap).toBeCloseTo(complete, 12);
  });

  it('is undefined, with a reason, for constant ratings or labels', () => {
    expect(intraclassCorrelation(scores([[3, 3], [3, 3], [3, 3]]), 3, 2, ICC_A1).estimate).toBeNull();
    expect(iccFromRatings(ratingMatrixFromTable([['a', 'b'], ['b', 'b']]), ICC_A1)).toEqual({ estimate: null, reason: 'the ICC needs numeric ratings' });
  });
});
