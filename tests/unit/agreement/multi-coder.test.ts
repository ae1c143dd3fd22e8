import { describe, expect, it } from 'vitest';
import { agreementWeights, fleissNullTest, multiCoderCoefficients, ratingMatrixFromTable } from '@/lib/agreement';
import { expectPublished } from './helpers';
import { FLEISS_1971, KRIPPENDORFF_2011, RAW_5_OBSERVERS, RAW_BEN_GERRY, RAW_GENDER } from './published-data';

const raw4raters = ratingMatrixFromTable(KRIPPENDORFF_2011);

describe("Fleiss' kappa", () => {
  it("matches Fleiss (1971) and the irr package's kappam.fleiss(diagnoses): 0.4302445, z = 17.65183", () => {
    const m = ratingMatrixFromTable(FLEISS_1971);
    expect(multiCoderCoefficients(m).fleissKappa.estimate).toBeCloseTo(0.4302445, 7);
    const test = fleissNullTest(m);
    if ('reason' in test) throw new Error(test.reason);
    expect(test.z).toBeCloseTo(17.65183, 4);
  });

  it("matches irrCAC's fleiss.kappa.raw with missing ratings on cac.raw4raters (0.761, CI 0.424–1)", () => {
    const r = multiCoderCoefficients(raw4raters);
    expectPublished(r.fleissKappa, { estimate: 0.761, ciLow: 0.424, ciHigh: 1 });
    expectPublished(r.percentAgreement, { estimate: 0.818 });
  });

  it("matches irrCAC's fleiss.kappa.raw on cac.raw5obser, cac.raw.gender and cac.ben.gerry", () => {
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_5_OBSERVERS)).fleissKappa, { estimate: 0.458, se: 0.12, ciLow: 0.199, ciHigh: 0.716 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_GENDER)).fleissKappa, { estimate: 0.129, se: 0.141, ciLow: -0.172, ciHigh: 0.43 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_BEN_GERRY)).fleissKappa, { estimate: 0.649, se: 0.191, ciLow: 0.228, ciHigh: 1 });
  });

  it('refuses the null test when units have different numbers of ratings', () => {
    expect(fleissNullTest(raw4raters)).toEqual({ reason: 'needs every unit rated by the same number of raters' });
  });
});

describe("Gwet's AC1 and AC2", () => {
  it("matches irrCAC's gwet.ac1.raw on cac.raw4raters (0.775, SE 0.143, CI 0.461–1)", () => {
    expectPublished(multiCoderCoefficients(raw4raters).gwetAc, { estimate: 0.775, se: 0.143, ciLow: 0.461, ciHigh: 1 });
  });

  it("matches irrCAC's AC2 on cac.raw4raters with linear (0.859) and quadratic (0.914) weights", () => {
    const q = raw4raters.categories.length;
    expectPublished(multiCoderCoefficients(raw4raters, agreementWeights(q, 'linear')).gwetAc, { estimate: 0.859, se: 0.117, ciLow: 0.6 });
    expectPublished(multiCoderCoefficients(raw4raters, agreementWeights(q, 'quadratic')).gwetAc, { estimate: 0.914, se: 0.104, ciLow: 0.685 });
  });

  it("matches irrCAC's gwet.ac1.raw on cac.raw5obser, cac.raw.gender and cac.ben.gerry", () => {
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_5_OBSERVERS)).gwetAc, { estimate: 0.497, se: 0.122, ciLow: 0.235, ciHigh: 0.758 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_GENDER)).gwetAc, { estimate: 0.208, se: 0.091, ciLow: 0.014, ciHigh: 0.403 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_BEN_GERRY)).gwetAc, { estimate: 0.661, se: 0.184, ciLow: 0.257, ciHigh: 1 });
  });
});

describe('Brennan–Prediger for many raters', () => {
  it("matches irrCAC's bp.coeff.raw on cac.raw4raters, cac.raw5obser, cac.raw.gender and cac.ben.gerry", () => {
    expectPublished(multiCoderCoefficients(raw4raters).brennanPrediger, { estimate: 0.773, se: 0.145, ciLow: 0.454, ciHigh: 1 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_5_OBSERVERS)).brennanPrediger, { estimate: 0.487, se: 0.121, ciLow: 0.228, ciHigh: 0.747 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_GENDER)).brennanPrediger, { estimate: 0.183, se: 0.102, ciLow: -0.035, ciHigh: 0.402 });
    expectPublished(multiCoderCoefficients(ratingMatrixFromTable(RAW_BEN_GERRY)).brennanPrediger, { estimate: 0.659, se: 0.185, ciLow: 0.251, ciHigh: 1 });
  });
});
