/**
 * Percentile bootstrap over units with a fixed seed, for coefficients whose literature
 * gives no analytic standard error, or to check one that assumes independent units.
 * It runs in slices and yields to the event loop between them, so a server can run it
 * off the request path and report progress.
 */
import { type Coefficient, undefinedCoefficient } from './coefficient';
import { krippendorffAlphaPoint, type MeasurementLevel } from './krippendorff';
import { dimensions, type RatingMatrix } from './ratings';

/** The seed used when none is given, so that a report is reproducible. */
export const DEFAULT_SEED = 20_110_601;

/** mulberry32: a small, fast 32-bit generator; deterministic for a given seed (not for cryptography). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  replicates?: number;
  seed?: number;
  /** Called after every slice with the resamples done so far. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface BootstrapResult {
  /** Estimate on the data as they are; se = SD of the resampled estimates; interval = their 2.5th and 97.5th percentiles. */
  coefficient: Coefficient;
  /** Resamples on which the statistic was defined (the others, e.g. with no variation, are left out). */
  replicates: number;
  undefinedReplicates: number;
}

const SLICE = 25;

/**
 * Resamples `units` units with replacement. `statistic(multiplicity)` computes the
 * coefficient with unit i counted multiplicity[i] times, or null where undefined;
 * multiplicity all ones is the original sample.
 */
export async function bootstrapUnits(
  units: number,
  statistic: (multiplicity: Uint32Array) => number | null,
  options: BootstrapOptions = {},
): Promise<BootstrapResult> {
  const total = options.replicates ?? 1000;
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const original = statistic(new Uint32Array(units).fill(1));
  if (original === null) {
    return { coefficient: undefinedCoefficient('the coefficient is undefined on these data'), replicates: 0, undefinedReplicates: 0 };
  }
  const estimates: number[] = [];
  const multiplicity = new Uint32Array(units);
  for (let done = 0; done < total; ) {
    options.signal?.throwIfAborted();
    const end = Math.min(total, done + SLICE);
    for (; done < end; done++) {
      multiplicity.fill(0);
      for (let i = 0; i < units; i++) multiplicity[Math.floor(random() * units)]!++;
      const value = statistic(multiplicity);
      if (value !== null) estimates.push(value);
    }
    options.onProgress?.(done, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (estimates.length < 2) {
    return { coefficient: { estimate: original, se: null, ciLow: null, ciHigh: null }, replicates: estimates.length, undefinedReplicates: total - estimates.length };
  }
  const mean = estimates.reduce((s, x) => s + x, 0) / estimates.length;
  const se = Math.sqrt(estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / (estimates.length - 1));
  estimates.sort((x, y) => x - y);
  const at = (p: number) => {
    // Linear interpolation between order statistics (type 7, R's default).
    const h = (estimates.length - 1) * p;
    const lo = Math.floor(h);
    return estimates[lo]! + (h - lo) * (estimates[Math.min(lo + 1, estimates.length - 1)]! - estimates[lo]!);
  };
  return {
    coefficient: { estimate: original, se, ciLow: at(0.025), ciHigh: at(0.975) },
    replicates: estimates.length,
    undefinedReplicates: total - estimates.length,
  };
}

/** Krippendorff's alpha with a bootstrap over units (the ordinal metric is recomputed for every resample). */
export async function bootstrapKrippendorffAlpha(m: RatingMatrix, level: MeasurementLevel, options?: BootstrapOptions): Promise<BootstrapResult> {
  const point = krippendorffAlphaPoint(m, level);
  if ('reason' in point) return { coefficient: undefinedCoefficient(point.reason), replicates: 0, undefinedReplicates: 0 };
  return bootstrapUnits(
    dimensions(m).nUnits,
    (multiplicity) => {
      const point = krippendorffAlphaPoint(m, level, multiplicity);
      return 'reason' in point ? null : point.alpha;
    },
    options,
  );
}
