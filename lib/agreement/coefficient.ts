import { studentTQuantile } from './distributions';

/** A coefficient's value with its standard error and 95% confidence interval. */
export interface Estimate {
  estimate: number;
  /** Standard error; null where none is published (ICC) or fewer than two units entered. */
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** A coefficient that has no value for these data, with a sentence saying why. */
export interface Undefined {
  estimate: null;
  reason: string;
}

/** Every coefficient in this module is one of these: never NaN, never a 1 that stands for 0/0. */
export type Coefficient = Estimate | Undefined;

export function isDefined(c: Coefficient): c is Estimate {
  return c.estimate !== null;
}

export function undefinedCoefficient(reason: string): Undefined {
  return { estimate: null, reason };
}

/** The range a 95% interval is clipped to: agreement coefficients live in [-1, 1], proportions in [0, 1]. */
export type Bounds = readonly [number, number];
export const COEFFICIENT_BOUNDS: Bounds = [-1, 1];
export const PROPORTION_BOUNDS: Bounds = [0, 1];

const clip = (x: number, [lo, hi]: Bounds) => Math.min(hi, Math.max(lo, x));

/**
 * An estimate with its Wald interval `estimate ± t(0.975, n−1) · se`, clipped to `bounds`.
 * Student's t with n − 1 degrees of freedom (n = units that entered the variance) follows
 * Gwet (2014) and irrCAC; for the thousands of intervals of a project it equals the normal interval.
 */
export function withInterval(estimate: number, variance: number, n: number, bounds: Bounds = COEFFICIENT_BOUNDS): Estimate {
  if (n < 2 || !Number.isFinite(variance)) return { estimate, se: null, ciLow: null, ciHigh: null };
  // Rounding can leave a tiny negative variance where the true one is 0 (e.g. perfect agreement).
  const se = Math.sqrt(Math.max(variance, 0));
  const half = studentTQuantile(0.975, n - 1) * se;
  return { estimate, se, ciLow: clip(estimate - half, bounds), ciHigh: clip(estimate + half, bounds) };
}
