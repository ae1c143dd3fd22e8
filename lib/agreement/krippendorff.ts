/**
 * Krippendorff's alpha for any number of raters with missing ratings, at the four levels
 * of measurement of Krippendorff (2011, "Computing Krippendorff's alpha-reliability"):
 * α = 1 − D_o / D_e over the pairable values (units with at least two ratings).
 *
 * Standard error: Gwet's (2014, §6.5) linearisation, as in irrCAC::krippen.alpha.raw, with
 * the agreement weights w = 1 − δ²/max δ² that make Gwet's form equal Krippendorff's α.
 * For the ordinal metric δ² depends on the observed frequencies; the analytic SE treats
 * it as fixed. `bootstrapKrippendorffAlpha` resamples units instead.
 */
import { type Coefficient, undefinedCoefficient, withInterval } from './coefficient';
import { forEachUnit, type RatingMatrix } from './ratings';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Above this many distinct values the O(q²) ordinal and ratio metrics are refused rather than run for minutes. */
export const MAX_CATEGORIES_FOR_PAIRWISE_METRIC = 5000;

const NO_PAIRS = 'no unit was rated by two or more raters';
const NO_VARIATION = 'all pairable values are equal, so expected disagreement is 0 and alpha is 0/0';

/**
 * δ²(k, l) and its row sums against the value frequencies, Σ_l n_l δ²(k, l), which give
 * both D_e and the chance terms of the variance. Nominal and interval rows have closed forms.
 */
interface Metric {
  delta(k: number, l: number): number;
  rows: Float64Array;
  maxDelta: number;
}

function metricFor(level: MeasurementLevel, m: RatingMatrix, freq: Float64Array): Metric | { reason: string } {
  const q = freq.length;
  const values = m.categoryValues;
  const total = freq.reduce((s, f) => s + f, 0);
  if (level === 'nominal') {
    return { delta: (k, l) => (k === l ? 0 : 1), rows: freq.map((f) => total - f), maxDelta: q > 1 ? 1 : 0 };
  }
  if (!values) return { reason: `the ${level} metric needs numeric values` };
  if (level === 'interval') {
    let s1 = 0;
    let s2 = 0;
    for (let k = 0; k < q; k++) {
      s1 += freq[k]! * values[k]!;
      s2 += freq[k]! * values[k]! ** 2;
    }
    const span = values[q - 1]! - values[0]!;
    return {
      delta: (k, l) => (values[k]! - values[l]!) ** 2,
      rows: values.map((v) => total * v * v - 2 * v * s1 + s2),
      maxDelta: span * span,
    };
  }
  if (q > MAX_CATEGORIES_FOR_PAIRWISE_METRIC) {
    return { reason: `the ${level} metric is not computed for more than ${MAX_CATEGORIES_FOR_PAIRWISE_METRIC} distinct values` };
  }
  let delta: (k: number, l: number) => number;
  if (level === 'ratio') {
    if (values[0]! < 0) return { reason: 'the ratio metric needs non-negative values' };
    delta = (k, l) => {
      const sum = values[k]! + values[l]!;
      return sum === 0 ? 0 : ((values[k]! - values[l]!) / sum) ** 2;
    };
  } else {
    // Ordinal: δ²(k, l) = (Σ_{g=k..l} n_g − (n_k + n_l)/2)², on ranks of the pairable values.
    const cumulative = new Float64Array(q + 1);
    for (let k = 0; k < q; k++) cumulative[k + 1] = cumulative[k]! + freq[k]!;
    delta = (k, l) => {
      const lo = Math.min(k, l);
      const hi = Math.max(k, l);
      return (cumulative[hi + 1]! - cumulative[lo]! - (freq[k]! + freq[l]!) / 2) ** 2;
    };
  }
  const rows = new Float64Array(q);
  let maxDelta = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const d = delta(k, l);
      rows[k]! += freq[l]! * d;
      if (d > maxDelta) maxDelta = d;
    }
  }
  return { delta, rows, maxDelta };
}

/** Frequencies of the pairable values (units with ≥ 2 ratings), optionally weighted by unit multiplicities. */
function pairableFrequencies(m: RatingMatrix, multiplicity?: Uint32Array): Float64Array {
  const freq = new Float64Array(m.categories.length);
  forEachUnit(m, 2, (u, codes, r) => {
    const times = multiplicity ? multiplicity[u]! : 1;
    for (let j = 0; j < r; j++) freq[codes[j]!]! += times;
  });
  return freq;
}

/** Σ over ordered pairs of the unit's values of δ², divided by (r − 1): the unit's share of D_o·N. */
function unitDisagreement(metric: Metric, codes: Int32Array, r: number): number {
  let sum = 0;
  for (let j = 0; j < r; j++) for (let k = j + 1; k < r; k++) sum += metric.delta(codes[j]!, codes[k]!);
  return (2 * sum) / (r - 1);
}

interface AlphaPoint {
  alpha: number;
  metric: Metric;
  /** N, the number of pairable values. */
  total: number;
  /** Σ_c n_c Σ_k n_k δ²(c, k) = N(N − 1)·D_e. */
  expected: number;
}

/**
 * α alone, with each unit counted `multiplicity[unit]` times (default once): the
 * statistic a bootstrap over units recomputes. The metric is rebuilt from the weighted
 * frequencies, so the ordinal metric follows each resample.
 */
export function krippendorffAlphaPoint(m: RatingMatrix, level: MeasurementLevel, multiplicity?: Uint32Array): AlphaPoint | { reason: string } {
  const freq = pairableFrequencies(m, multiplicity);
  const total = freq.reduce((s, f) => s + f, 0);
  if (total === 0) return { reason: NO_PAIRS };
  const metric = metricFor(level, m, freq);
  if ('reason' in metric) return metric;
  let expected = 0;
  for (let k = 0; k < freq.length; k++) expected += freq[k]! * metric.rows[k]!;
  if (expected <= 0 || metric.maxDelta === 0) return { reason: NO_VARIATION };
  let observed = 0;
  forEachUnit(m, 2, (u, codes, r) => {
    observed += (multiplicity ? multiplicity[u]! : 1) * unitDisagreement(metric, codes, r);
  });
  // α = 1 − D_o/D_e with D_o = observed/N and D_e = expected/(N(N−1)).
  return { alpha: 1 - ((total - 1) * observed) / expected, metric, total, expected };
}

export function krippendorffAlpha(m: RatingMatrix, level: MeasurementLevel): Coefficient {
  const point = krippendorffAlphaPoint(m, level);
  if ('reason' in point) return undefinedCoefficient(point.reason);
  const { alpha, metric, total, expected } = point;

  // Gwet's linearisation in terms of w = 1 − δ²/δ²max (irrCAC's pa', pe, pa_i and pe_i).
  let n = 0;
  forEachUnit(m, 2, () => n++);
  const meanRaters = total / n;
  const pe = 1 - expected / (total * total * metric.maxDelta);
  const unitAgreement = new Float64Array(n);
  const unitChance = new Float64Array(n);
  const unitRaters = new Float64Array(n);
  let i = 0;
  forEachUnit(m, 2, (_u, codes, r) => {
    unitAgreement[i] = (r - unitDisagreement(metric, codes, r) / metric.maxDelta) / meanRaters;
    let chance = 0;
    for (let j = 0; j < r; j++) chance += 1 - metric.rows[codes[j]!]! / (total * metric.maxDelta);
    unitChance[i] = chance / meanRaters;
    unitRaters[i] = r;
    i++;
  });
  const paPrime = unitAgreement.reduce((s, x) => s + x, 0) / n;
  const alphaPrime = (paPrime - pe) / (1 - pe);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const excess = (unitRaters[j]! - meanRaters) / meanRaters;
    const agreement = (unitAgreement[j]! - paPrime * excess - pe) / (1 - pe);
    const chance = unitChance[j]! - pe * excess;
    sum += (agreement - (2 * (1 - alphaPrime) * (chance - pe)) / (1 - pe) - alphaPrime) ** 2;
  }
  return withInterval(alpha, sum / (n * (n - 1)), n);
}
