/**
 * Two-coder coefficients from a q×q contingency table (rows: coder A, columns: coder B).
 * Estimates and variances follow Gwet (2014, ch. 2–3) as implemented in irrCAC's
 * `*.table` functions; for Cohen's kappa that variance is exactly the large-sample
 * variance of Fleiss, Cohen & Everitt (1969).
 */
import { type Coefficient, PROPORTION_BOUNDS, undefinedCoefficient, withInterval } from './coefficient';
import { agreementWeights } from './weights';

export interface ContingencyTable {
  /** Number of categories. */
  q: number;
  /** counts[k*q + l] = units coder A put in category k and coder B in category l. */
  counts: Float64Array;
}

/** Cross-tabulates two coders' category codes (0…q−1), skipping units either coder left MISSING. */
export function contingencyTable(codesA: ArrayLike<number>, codesB: ArrayLike<number>, q: number): ContingencyTable {
  const counts = new Float64Array(q * q);
  for (let i = 0; i < codesA.length; i++) {
    const k = codesA[i]!;
    const l = codesB[i]!;
    if (k >= 0 && l >= 0) counts[k * q + l]!++;
  }
  return { q, counts };
}

export interface TableCoefficients {
  /** Units coded by both coders. */
  n: number;
  /** Proportion of units on which the coders agree (weighted when weights are given). */
  percentAgreement: Coefficient;
  /** Cohen (1960); weighted kappa (Cohen 1968) with non-identity weights. */
  cohenKappa: Coefficient;
  /** Scott (1955): chance agreement from the pooled marginals of both coders. */
  scottPi: Coefficient;
  /** Gwet's AC1 (identity weights) or AC2 (other weights), Gwet (2008). */
  gwetAc: Coefficient;
  /** Brennan & Prediger (1981): chance agreement 1/q. */
  brennanPrediger: Coefficient;
}

const NO_UNITS = 'no unit was coded by both coders';
const NO_VARIATION =
  'both coders put every unit in one and the same category, so chance agreement is 1 and the coefficient is 0/0';
const ONE_CATEGORY = 'needs at least two categories';

/** (pa − pe)/(1 − pe) with the variance `(Σ p_kl·(w_kl − shift_kl)² − (pa − 2(1−coef)·pe)²) / (n(1−pe)²)`. */
function chanceCorrected(
  n: number,
  pa: number,
  pe: number,
  p: Float64Array,
  w: Float64Array,
  shift: (k: number, l: number, oneMinusCoef: number) => number,
  q: number,
): Coefficient {
  if (Math.abs(1 - pe) < 1e-12) return undefinedCoefficient(NO_VARIATION);
  const coef = (pa - pe) / (1 - pe);
  let sum = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const pkl = p[k * q + l]!;
      if (pkl === 0) continue;
      const dev = w[k * q + l]! - shift(k, l, 1 - coef);
      sum += pkl * dev * dev;
    }
  }
  const centre = pa - 2 * (1 - coef) * pe;
  return withInterval(coef, (sum - centre * centre) / (n * (1 - pe) ** 2), n);
}

/** All two-coder coefficients of one table; `weights` (q×q, default identity) make them weighted. */
export function tableCoefficients(table: ContingencyTable, weights?: Float64Array): TableCoefficients {
  const { q, counts } = table;
  const w = weights ?? agreementWeights(q, 'identity');
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) {
    const none = undefinedCoefficient(NO_UNITS);
    return { n, percentAgreement: none, cohenKappa: none, scottPi: none, gwetAc: none, brennanPrediger: none };
  }

  const p = new Float64Array(q * q);
  const rowMargin = new Float64Array(q); // coder A
  const colMargin = new Float64Array(q); // coder B
  let pa = 0;
  let paSquares = 0;
  let weightTotal = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const i = k * q + l;
      const pkl = counts[i]! / n;
      p[i] = pkl;
      rowMargin[k]! += pkl;
      colMargin[l]! += pkl;
      pa += w[i]! * pkl;
      paSquares += w[i]! * w[i]! * pkl;
      weightTotal += w[i]!;
    }
  }
  const pooled = rowMargin.map((r, k) => (r + colMargin[k]!) / 2);
  // Weighted marginals: wCol[k] = Σ_l w_kl·p_+l, wRow[l] = Σ_k w_kl·p_k+ (Fleiss, Cohen & Everitt 1969).
  const wCol = new Float64Array(q);
  const wRow = new Float64Array(q);
  let peKappa = 0;
  let pePi = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const wkl = w[k * q + l]!;
      wCol[k]! += wkl * colMargin[l]!;
      wRow[l]! += wkl * rowMargin[k]!;
      peKappa += wkl * rowMargin[k]! * colMargin[l]!;
      pePi += wkl * pooled[k]! * pooled[l]!;
    }
  }
  const wPooled = wCol.map((x, k) => (x + wRow[k]!) / 2);

  const percentAgreement = withInterval(pa, (paSquares - pa * pa) / n, n, PROPORTION_BOUNDS);
  const cohenKappa = chanceCorrected(n, pa, peKappa, p, w, (k, l, m) => m * (wCol[k]! + wRow[l]!), q);
  const scottPi = chanceCorrected(n, pa, pePi, p, w, (k, l, m) => m * (wPooled[k]! + wPooled[l]!), q);

  let gwetAc: Coefficient = undefinedCoefficient(ONE_CATEGORY);
  let brennanPrediger: Coefficient = undefinedCoefficient(ONE_CATEGORY);
  if (q >= 2) {
    const scale = weightTotal / (q * (q - 1));
    let spread = 0;
    for (const pk of pooled) spread += pk * (1 - pk);
    gwetAc = chanceCorrected(n, pa, scale * spread, p, w, (k, l, m) => 2 * m * scale * (1 - (pooled[k]! + pooled[l]!) / 2), q);
    const peBp = weightTotal / (q * q);
    brennanPrediger = withInterval((pa - peBp) / (1 - peBp), (paSquares - pa * pa) / (n * (1 - peBp) ** 2), n);
  }
  return { n, percentAgreement, cohenKappa, scottPi, gwetAc, brennanPrediger };
}

/** The 2×2 table of one behaviour: a = both marked it, b = only A, c = only B, d = neither. */
export interface TwoByTwo {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Two coders' agreement on one dichotomy (occurred / did not occur). */
export interface BinaryAgreement {
  /** Intervals coded by both coders. */
  n: number;
  percentAgreement: Coefficient;
  /** a / (a + b + c): agreement on the intervals in which at least one coder saw the behaviour. */
  occurrenceAgreement: Coefficient;
  /** d / (b + c + d): agreement on the intervals in which at least one coder did not see it. */
  nonOccurrenceAgreement: Coefficient;
  cohenKappa: Coefficient;
  /** Byrt, Bishop & Carlin (1993): (a − d) / n. */
  prevalenceIndex: number | null;
  /** Byrt, Bishop & Carlin (1993): (b − c) / n; positive when coder A marks more often. */
  biasIndex: number | null;
  scottPi: Coefficient;
  /** 2·po − 1 (Byrt et al. 1993); for two categories this is also Brennan & Prediger's coefficient. */
  pabak: Coefficient;
  gwetAc1: Coefficient;
}

/** Agreement of a proportion `hits / total` with its delta-method (binomial) interval. */
function conditionalProportion(hits: number, total: number, reason: string): Coefficient {
  if (total === 0) return undefinedCoefficient(reason);
  const p = hits / total;
  return withInterval(p, (p * (1 - p)) / total, total, PROPORTION_BOUNDS);
}

export function binaryAgreement({ a, b, c, d }: TwoByTwo): BinaryAgreement {
  const n = a + b + c + d;
  const all = tableCoefficients({ q: 2, counts: Float64Array.of(a, b, c, d) });
  return {
    n,
    percentAgreement: all.percentAgreement,
    occurrenceAgreement: conditionalProportion(a, a + b + c, 'neither coder marked the behaviour in any interval'),
    nonOccurrenceAgreement: conditionalProportion(d, b + c + d, 'both coders marked the behaviour in every interval'),
    cohenKappa: all.cohenKappa,
    prevalenceIndex: n === 0 ? null : (a - d) / n,
    biasIndex: n === 0 ? null : (b - c) / n,
    scottPi: all.scottPi,
    pabak: all.brennanPrediger,
    gwetAc1: all.gwetAc,
  };
}

