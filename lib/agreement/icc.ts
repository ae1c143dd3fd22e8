/**
 * Intraclass correlations for numeric ratings (global ratings, dimension totals) in the
 * ten-form scheme of McGraw & Wong (1996), with their F-based 95% intervals, following
 * R's irr::icc. Pick the form your instrument's manual prescribes; for a pair of judges
 * rating the same sessions that is usually two-way, absolute agreement, single rater (A,1).
 */
import { type Coefficient, undefinedCoefficient } from './coefficient';
import { fQuantile } from './distributions';
import { dimensions, MISSING, type RatingMatrix } from './ratings';

export interface IccForm {
  /** `oneway`: each unit rated by different raters; `twoway`: the same raters rate every unit. */
  model: 'oneway' | 'twoway';
  /** `agreement` counts raters' mean differences as error; `consistency` ignores them. The one-way model has only the agreement form. */
  type: 'agreement' | 'consistency';
  /** Reliability of one rater's score, or of the mean of all raters' scores. */
  unit: 'single' | 'average';
}

/** ICC(A,1): two-way, absolute agreement, single rater (Shrout & Fleiss's ICC(2,1)). */
export const ICC_A1: IccForm = { model: 'twoway', type: 'agreement', unit: 'single' };
/** ICC(C,1): two-way, consistency, single rater (Shrout & Fleiss's ICC(3,1)). */
export const ICC_C1: IccForm = { model: 'twoway', type: 'consistency', unit: 'single' };

interface MeanSquares {
  units: number;
  raters: number;
  rows: number;
  columns: number;
  error: number;
  within: number;
}

function meanSquares(scores: Float64Array, units: number, raters: number): MeanSquares {
  let grand = 0;
  for (const x of scores) grand += x;
  grand /= units * raters;
  const rowMeans = new Float64Array(units);
  const colMeans = new Float64Array(raters);
  let total = 0;
  for (let i = 0; i < units; i++) {
    for (let j = 0; j < raters; j++) {
      const x = scores[i * raters + j]!;
      rowMeans[i]! += x / raters;
      colMeans[j]! += x / units;
      total += (x - grand) ** 2;
    }
  }
  let ssRows = 0;
  for (const m of rowMeans) ssRows += raters * (m - grand) ** 2;
  let ssCols = 0;
  for (const m of colMeans) ssCols += units * (m - grand) ** 2;
  return {
    units,
    raters,
    rows: ssRows / (units - 1),
    columns: ssCols / (raters - 1),
    error: (total - ssRows - ssCols) / ((units - 1) * (raters - 1)),
    within: (total - ssRows) / (units * (raters - 1)),
  };
}

const bounded = (estimate: number, low: number, high: number): Coefficient =>
  Number.isFinite(low) && Number.isFinite(high)
    ? { estimate, se: null, ciLow: Math.max(-1, low), ciHigh: Math.min(1, high) }
    : { estimate, se: null, ciLow: null, ciHigh: null };

/** The ICC of one form from mean squares; `se` is null because McGraw & Wong give exact intervals instead. */
function iccFromMeanSquares(ms: MeanSquares, form: IccForm): Coefficient {
  const { units: n, raters: k, rows: msr, columns: msc, error: mse, within: msw } = ms;
  const upper = (a: number, b: number) => fQuantile(0.975, a, b);
  if (form.model === 'oneway') {
    const denominator = form.unit === 'single' ? msr + (k - 1) * msw : msr;
    if (!(denominator > 0)) return undefinedCoefficient('the ratings do not vary, so the ICC is 0/0');
    const estimate = (msr - msw) / denominator;
    const fl = msr / msw / upper(n - 1, n * (k - 1));
    const fu = (msr / msw) * upper(n * (k - 1), n - 1);
    return form.unit === 'single'
      ? bounded(estimate, (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1))
      : bounded(estimate, 1 - 1 / fl, 1 - 1 / fu);
  }
  if (form.type === 'consistency') {
    const denominator = form.unit === 'single' ? msr + (k - 1) * mse : msr;
    if (!(denominator > 0)) return undefinedCoefficient('the ratings do not vary between units, so the ICC is 0/0');
    const estimate = (msr - mse) / denominator;
    const fl = msr / mse / upper(n - 1, (n - 1) * (k - 1));
    const fu = (msr / mse) * upper((n - 1) * (k - 1), n - 1);
    return form.unit === 'single'
      ? bounded(estimate, (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1))
      : bounded(estimate, 1 - 1 / fl, 1 - 1 / fu);
  }
  const denominator = form.unit === 'single' ? msr + (k - 1) * mse + (k / n) * (msc - mse) : msr + (msc - mse) / n;
  if (!(denominator > 0)) return undefinedCoefficient('the ratings do not vary, so the ICC is 0/0');
  const estimate = (msr - mse) / denominator;
  // Satterthwaite degrees of freedom of McGraw & Wong (1996), computed at the single-rater ICC.
  const single = (msr - mse) / (msr + (k - 1) * mse + (k / n) * (msc - mse));
  const a = (k * single) / (n * (1 - single));
  const b = 1 + (k * single * (n - 1)) / (n * (1 - single));
  const v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)));
  if (!(v > 0) || !Number.isFinite(v)) return bounded(estimate, NaN, NaN);
  const fl = upper(n - 1, v);
  const fu = upper(v, n - 1);
  return form.unit === 'single'
    ? bounded(estimate, (n * (msr - fl * mse)) / (fl * (k * msc + (k * n - k - n) * mse) + n * msr), (n * (fu * msr - mse)) / (k * msc + (k * n - k - n) * mse + n * fu * msr))
    : bounded(estimate, (n * (msr - fl * mse)) / (fl * (msc - mse) + n * msr), (n * (fu * msr - mse)) / (msc - mse + n * fu * msr));
}

/**
 * ICC of a complete units × raters score matrix (row-major `scores[unit * raters + rater]`).
 */
export function intraclassCorrelation(scores: Float64Array, units: number, raters: number, form: IccForm): Coefficient {
  if (raters < 2) return undefinedCoefficient('needs at least two raters');
  if (units < 2) return undefinedCoefficient('needs at least two units rated by every rater');
  return iccFromMeanSquares(meanSquares(scores, units, raters), form);
}

/** ICC from ratings with numeric values; units missing any rater's score are left out (listwise, as irr::icc). */
export function iccFromRatings(m: RatingMatrix, form: IccForm): Coefficient {
  const values = m.categoryValues;
  if (!values) return undefinedCoefficient('the ICC needs numeric ratings');
  const { nUnits, nRaters } = dimensions(m);
  const scores = new Float64Array(nUnits * nRaters);
  let complete = 0;
  for (let u = 0; u < nUnits; u++) {
    let row = 0;
    for (; row < nRaters; row++) {
      const code = m.codes[u * nRaters + row]!;
      if (code === MISSING) break;
      scores[complete * nRaters + row] = values[code]!;
    }
    if (row === nRaters) complete++;
  }
  return intraclassCorrelation(scores.subarray(0, complete * nRaters), complete, nRaters, form);
}
