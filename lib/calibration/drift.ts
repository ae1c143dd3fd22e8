/**
 * Drift: each research coder's agreement with their partners (and with the gold standard
 * when they took calibration rounds) over time, to spot a coder sliding away from the
 * codebook before it shows in the project's figures. Pure; the caller collects observations.
 */
import { type AgreementWithGold, agreementWithGold, type CalibrationCriteria, markStatistic, ROUNDING_ALLOWANCE } from './figures';

export interface DriftObservation {
  at: Date;
  sessionId: string;
  label: string;
  kind: 'partner' | 'gold';
  figures: AgreementWithGold;
}

export interface CoderDrift {
  coderId: string;
  /** Oldest first. */
  observations: DriftObservation[];
  /** Mean of the chosen statistic over the last `window` observations where it is defined. */
  recent: number | null;
  /** recent !== null && recent < threshold. */
  below: boolean;
}

export const DEFAULT_DRIFT_WINDOW = 3;

/**
 * A coder's observations in time order with the recent level of the chosen statistic.
 * Observations whose statistic is Undefined (e.g. kappa on a session where neither coder
 * marked anything) are kept in the list but skipped for `recent`: they say nothing about
 * agreement beyond chance, and counting them as 0 would flag a coder for a quiet recording.
 * So the window reaches back past them to the last `window` defined ones.
 */
export function coderDrift(
  coderId: string,
  observations: DriftObservation[],
  criteria: Pick<CalibrationCriteria, 'statistic' | 'threshold'>,
  window: number = DEFAULT_DRIFT_WINDOW,
): CoderDrift {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
  // Copy before sorting: the caller's array is left alone. The sort is stable, so observations
  // at the same moment keep the caller's order.
  const sorted = [...observations].sort((x, y) => x.at.getTime() - y.at.getTime());
  const defined: number[] = [];
  for (const o of sorted) {
    const estimate = markStatistic(o.figures, criteria.statistic).estimate;
    if (estimate !== null) defined.push(estimate);
  }
  const last = defined.slice(-window);
  const recent = last.length === 0 ? null : last.reduce((s, x) => s + x, 0) / last.length;
  // The same rounding allowance as passesCriteria: a coder exactly at the threshold is not below it.
  return { coderId, observations: sorted, recent, below: recent !== null && recent < criteria.threshold - ROUNDING_ALLOWANCE };
}

/** One observation of `coder` against `reference` (a partner's tally or the gold standard) over `cells`. */
export function pairObservation(args: {
  at: Date;
  sessionId: string;
  label: string;
  kind: 'partner' | 'gold';
  coder: ReadonlySet<string>;
  reference: ReadonlySet<string>;
  cells: readonly string[];
}): DriftObservation {
  const { at, sessionId, label, kind, coder, reference, cells } = args;
  return { at, sessionId, label, kind, figures: agreementWithGold(reference, coder, cells) };
}
