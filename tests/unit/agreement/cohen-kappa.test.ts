import { describe, expect, it } from 'vitest';
import { binaryAgreement, contingencyTable, ratingMatrixFromTable, tableCoefficients } from '@/lib/agreement';
import { expectPublished } from './helpers';
import { ABSTRACTORS_3X3, ANXIETY, DIAGNOSIS_4X4, SAS_3X3 } from './published-data';

describe("Cohen's kappa", () => {
  it('matches the SAS PROC FREQ output for a 3×3 table (kappa 0.4842, ASE 0.1380)', () => {
    // The ASE is Fleiss, Cohen & Everitt's (1969) large-sample SE; SAS's interval is normal, ours is t, so only the SE is compared.
    expectPublished(tableCoefficients(SAS_3X3).cohenKappa, { estimate: 0.4842, se: 0.138 }, 4);
  });

  it("matches irrCAC's kappa2.table on cont4x4diagnosis (0.432, SE 0.046, CI 0.341–0.522)", () => {
    expectPublished(tableCoefficients(DIAGNOSIS_4X4).cohenKappa, { estimate: 0.432, se: 0.046, ciLow: 0.341, ciHigh: 0.522 });
  });

  it("matches irrCAC's kappa2.table on cont3x3abstractors (0.796, CI 0.680–0.913)", () => {
    expectPublished(tableCoefficients(ABSTRACTORS_3X3).cohenKappa, { estimate: 0.796, ciLow: 0.68, ciHigh: 0.913 });
  });

  it("matches the irr package's kappa2(anxiety[,2:3]) = -0.006289308", () => {
    const m = ratingMatrixFromTable(ANXIETY.map(([, second, third]) => [second!, third!]));
    const q = m.categories.length;
    const a = m.codes.filter((_, i) => i % 2 === 0);
    const b = m.codes.filter((_, i) => i % 2 === 1);
    expect(tableCoefficients(contingencyTable(a, b, q)).cohenKappa.estimate).toBeCloseTo(-0.006289308, 8);
  });

  it('gives the textbook 2×2 examples of Feinstein & Cicchetti (1990): same po = .85, kappa .70 and .32', () => {
    // Recomputed: table A pe = (49·46 + 51·54)/100² = .5008, κ = (.85 − .5008)/.4992 = .6995;
    // table B pe = (90·85 + 10·15)/100² = .78, κ = (.85 − .78)/.22 = .318.
    const balanced = binaryAgreement({ a: 40, b: 9, c: 6, d: 45 });
    const skewed = binaryAgreement({ a: 80, b: 10, c: 5, d: 5 });
    expect(balanced.percentAgreement.estimate).toBeCloseTo(0.85, 10);
    expect(skewed.percentAgreement.estimate).toBeCloseTo(0.85, 10);
    expect(balanced.cohenKappa.estimate).toBeCloseTo(0.6995, 4);
    expect(skewed.cohenKappa.estimate).toBeCloseTo(0.3182, 4);
  });
});

describe("Scott's pi, Gwet's AC1 and Brennan–Prediger for two coders", () => {
  it("match irrCAC's scott2.table, gwet.ac1.table and bp2.table on cont4x4diagnosis", () => {
    const all = tableCoefficients(DIAGNOSIS_4X4);
    expectPublished(all.scottPi, { estimate: 0.43, se: 0.046, ciLow: 0.339, ciHigh: 0.521 });
    expectPublished(all.gwetAc, { estimate: 0.456, se: 0.043, ciLow: 0.371, ciHigh: 0.542 });
  });

  it("match irrCAC's scott2.table and gwet.ac1.table on cont3x3abstractors", () => {
    const all = tableCoefficients(ABSTRACTORS_3X3);
    expectPublished(all.scottPi, { estimate: 0.796, se: 0.059, ciLow: 0.679, ciHigh: 0.913 });
    expectPublished(all.gwetAc, { estimate: 0.849, ciLow: 0.764, ciHigh: 0.935 });
  });

  it('gives Brennan–Prediger as (po − 1/q)/(1 − 1/q)', () => {
    // cont4x4diagnosis: po = 131/223, q = 4.
    expect(tableCoefficients(DIAGNOSIS_4X4).brennanPrediger.estimate).toBeCloseTo((131 / 223 - 0.25) / 0.75, 12);
  });
});
