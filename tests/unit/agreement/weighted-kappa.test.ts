import { describe, expect, it } from 'vitest';
import { agreementWeights, contingencyTable, ratingMatrixFromTable, tableCoefficients, weightedKappa } from '@/lib/agreement';
import { expectPublished } from './helpers';
import { ABSTRACTORS_3X3, ANXIETY, DIAGNOSIS_4X4, SAS_3X3 } from './published-data';

function anxietyRaters2and3() {
  const m = ratingMatrixFromTable(ANXIETY.map(([, second, third]) => [second!, third!]));
  return contingencyTable(
    m.codes.filter((_, i) => i % 2 === 0),
    m.codes.filter((_, i) => i % 2 === 1),
    m.categories.length,
  );
}

describe('weighted kappa', () => {
  it('matches the SAS PROC FREQ weighted kappa for a 3×3 table (0.4701, ASE 0.1457)', () => {
    expectPublished(weightedKappa(SAS_3X3, 'linear'), { estimate: 0.4701, se: 0.1457 }, 4);
  });

  it("matches the irr package's kappa2(anxiety[,2:3], 'equal') = 0.1459075 and 'squared' = 0.2520325", () => {
    // irr puts the weights on the positions of the levels that occur (1, 2, 3, 4, 6), as we do.
    const table = anxietyRaters2and3();
    expect(weightedKappa(table, 'linear').estimate).toBeCloseTo(0.1459075, 7);
    expect(weightedKappa(table, 'quadratic').estimate).toBeCloseTo(0.2520325, 7);
  });

  it("matches irrCAC's kappa2.table with linear and quadratic weights on cont4x4diagnosis", () => {
    expectPublished(weightedKappa(DIAGNOSIS_4X4, 'linear'), { estimate: 0.407, se: 0.053, ciLow: 0.302, ciHigh: 0.512 });
    expectPublished(weightedKappa(DIAGNOSIS_4X4, 'quadratic'), { estimate: 0.383, se: 0.066, ciLow: 0.254, ciHigh: 0.513 });
  });

  it("matches irrCAC's kappa2.table with linear and quadratic weights on cont3x3abstractors", () => {
    expectPublished(weightedKappa(ABSTRACTORS_3X3, 'linear'), { estimate: 0.843, ciLow: 0.748, ciHigh: 0.938 });
    expectPublished(weightedKappa(ABSTRACTORS_3X3, 'quadratic'), { estimate: 0.892, ciLow: 0.822, ciHigh: 0.962 });
  });

  it('equals unweighted kappa for two categories', () => {
    const table = { q: 2, counts: Float64Array.of(40, 9, 6, 45) };
    expect(weightedKappa(table, 'quadratic').estimate).toBeCloseTo(tableCoefficients(table).cohenKappa.estimate!, 12);
  });

  it('puts weight 1 on the diagonal and 0 on the extreme pair', () => {
    const w = agreementWeights(4, 'quadratic');
    expect([w[0], w[5], w[3], w[1]]).toEqual([1, 1, 0, 1 - 1 / 9]);
  });
});
