/**
 * Coefficients for any number of raters with missing ratings: percent agreement,
 * Fleiss' kappa, Gwet's AC1/AC2 and Brennan–Prediger, in the forms of Gwet (2014,
 * ch. 4–5) that irrCAC's `*.raw` functions implement. Agreement is counted over the
 * units with at least two ratings; chance agreement uses every unit with at least one.
 * Variances are Gwet's linearisations: (1/(n(n−1))) Σ (c*_i − c)², which hold for
 * any value of the coefficient (not only under "no agreement").
 */
import { type Coefficient, PROPORTION_BOUNDS, undefinedCoefficient, withInterval } from './coefficient';
import { dimensions, forEachUnit, type RatingMatrix } from './ratings';
import { agreementWeights } from './weights';

export interface MultiCoderCoefficients {
  /** Units with at least one rating (those that inform chance agreement). */
  n: number;
  /** Units with at least two ratings (those that inform observed agreement). */
  nPaired: number;
  /** Mean over units of the share of agreeing rater pairs. */
  percentAgreement: Coefficient;
  /** Fleiss (1971), generalised to missing ratings and weights by Gwet (2014). */
  fleissKappa: Coefficient;
  /** Gwet's AC1 (identity weights) or AC2 (other weights). */
  gwetAc: Coefficient;
  /** Brennan & Prediger (1981) for many raters. */
  brennanPrediger: Coefficient;
}

const NO_PAIRS = 'no unit was rated by two or more raters';
const NO_VARIATION = 'every rating is in one and the same category, so chance agreement is 1 and the coefficient is 0/0';
const ONE_CATEGORY = 'needs at least two categories';

/**
 * Per-unit quantities every coefficient here is built from; entries are 0 for units with
 * fewer than two ratings, which then only count in the chance-agreement terms.
 */
interface UnitTerms {
  n: number;
  nPaired: number;
  /** Σ over ordered pairs of the unit's ratings of w(c, c′) / (r(r−1)): the unit's agreement. */
  agreement: Float64Array;
  /** 1 when the unit has two or more ratings. */
  paired: Uint8Array;
  /** π_k = mean over units of the share of the unit's ratings in category k. */
  pi: Float64Array;
}

function unitTerms(m: RatingMatrix, w: Float64Array, q: number): UnitTerms {
  const { nUnits } = dimensions(m);
  const agreement = new Float64Array(nUnits);
  const paired = new Uint8Array(nUnits);
  const pi = new Float64Array(q);
  let n = 0;
  let nPaired = 0;
  forEachUnit(m, 1, (u, codes, r) => {
    n++;
    for (let j = 0; j < r; j++) pi[codes[j]!]! += 1 / r;
    if (r < 2) return;
    nPaired++;
    paired[u] = 1;
    let pairs = 0;
    for (let j = 0; j < r; j++) {
      for (let k = 0; k < r; k++) if (j !== k) pairs += w[codes[j]! * q + codes[k]!]!;
    }
    agreement[u] = pairs / (r * (r - 1));
  });
  for (let k = 0; k < q; k++) pi[k]! /= n;
  return { n, nPaired, agreement, paired, pi };
}

/**
 * A chance-corrected coefficient (pa − pe)/(1 − pe) with Gwet's variance. `unitChance(u)`
 * is the unit's share of chance agreement, pe_i, whose deviation from pe enters the
 * variance because pe is estimated from the same units.
 */
function chanceCorrected(m: RatingMatrix, t: UnitTerms, pa: number, pe: number, unitChance: (codes: Int32Array, r: number) => number): Coefficient {
  if (Math.abs(1 - pe) < 1e-12) return undefinedCoefficient(NO_VARIATION);
  const coef = (pa - pe) / (1 - pe);
  const scale = t.n / t.nPaired;
  let sum = 0;
  forEachUnit(m, 1, (u, codes, r) => {
    const own = (scale * (t.agreement[u]! - pe * t.paired[u]!)) / (1 - pe);
    const linearised = own - (2 * (1 - coef) * (unitChance(codes, r) - pe)) / (1 - pe);
    sum += (linearised - coef) ** 2;
  });
  return withInterval(coef, sum / (t.n * (t.n - 1)), t.n);
}

/** All many-rater coefficients for these ratings; `weights` (q×q, default identity) give the weighted forms (AC2). */
export function multiCoderCoefficients(m: RatingMatrix, weights?: Float64Array): MultiCoderCoefficients {
  const q = m.categories.length;
  const w = weights ?? agreementWeights(q, 'identity');
  const t = unitTerms(m, w, q);
  if (t.nPaired === 0) {
    const none = undefinedCoefficient(NO_PAIRS);
    return { n: t.n, nPaired: 0, percentAgreement: none, fleissKappa: none, gwetAc: none, brennanPrediger: none };
  }
  let pa = 0;
  for (const x of t.agreement) pa += x;
  pa /= t.nPaired;

  const scale = t.n / t.nPaired;
  let paSpread = 0;
  forEachUnit(m, 1, (u) => {
    paSpread += (scale * t.agreement[u]! - pa) ** 2;
  });
  const percentAgreement = withInterval(pa, paSpread / (t.n * (t.n - 1)), t.n, PROPORTION_BOUNDS);

  // Fleiss: pe = Σ w_kl π_k π_l; a unit's share uses the symmetrised weighted π (Gwet 2014, ch. 5).
  const piWeighted = new Float64Array(q);
  let peFleiss = 0;
  let weightTotal = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const wkl = w[k * q + l]!;
      piWeighted[k]! += ((wkl + w[l * q + k]!) / 2) * t.pi[l]!;
      peFleiss += wkl * t.pi[k]! * t.pi[l]!;
      weightTotal += wkl;
    }
  }
  const fleissKappa = chanceCorrected(m, t, pa, peFleiss, (codes, r) => {
    let s = 0;
    for (let j = 0; j < r; j++) s += piWeighted[codes[j]!]!;
    return s / r;
  });

  let gwetAc: Coefficient = undefinedCoefficient(ONE_CATEGORY);
  let brennanPrediger: Coefficient = undefinedCoefficient(ONE_CATEGORY);
  if (q >= 2) {
    const acScale = weightTotal / (q * (q - 1));
    let spread = 0;
    for (const p of t.pi) spread += p * (1 - p);
    gwetAc = chanceCorrected(m, t, pa, acScale * spread, (codes, r) => {
      let s = 0;
      for (let j = 0; j < r; j++) s += 1 - t.pi[codes[j]!]!;
      return (acScale * s) / r;
    });
    const peBp = weightTotal / (q * q);
    brennanPrediger = chanceCorrected(m, t, pa, peBp, () => peBp);
  }
  return { n: t.n, nPaired: t.nPaired, percentAgreement, fleissKappa, gwetAc, brennanPrediger };
}

/** Fleiss, Nee & Landis (1979): the standard error of Fleiss' kappa under "no agreement beyond chance", for testing. */
export interface FleissNullTest {
  seUnderNull: number;
  /** κ / seUnderNull; compare with the standard normal. */
  z: number;
}

/**
 * The test statistic R's irr::kappam.fleiss prints. It needs every unit rated by the same
 * number of raters (no missing ratings), and is not meant for confidence intervals.
 */
export function fleissNullTest(m: RatingMatrix): FleissNullTest | { reason: string } {
  const q = m.categories.length;
  const counts = new Float64Array(q);
  let raters = -1;
  let n = 0;
  let sameRaters = true;
  forEachUnit(m, 1, (_u, codes, r) => {
    if (raters === -1) raters = r;
    if (r !== raters) sameRaters = false;
    n++;
    for (let j = 0; j < r; j++) counts[codes[j]!]!++;
  });
  if (!sameRaters) return { reason: 'needs every unit rated by the same number of raters' };
  if (raters < 2) return { reason: NO_PAIRS };
  let pq = 0;
  let pqSkew = 0;
  let total = 0;
  for (const c of counts) total += c;
  for (const c of counts) {
    const p = c / total;
    pq += p * (1 - p);
    pqSkew += p * (1 - p) * (1 - 2 * p);
  }
  if (pq === 0) return { reason: NO_VARIATION };
  const seUnderNull = Math.sqrt((2 / (n * raters * (raters - 1))) * ((pq * pq - pqSkew) / (pq * pq)));
  const kappa = multiCoderCoefficients(m).fleissKappa;
  if (kappa.estimate === null) return { reason: kappa.reason };
  return { seUnderNull, z: kappa.estimate / seUnderNull };
}
