/**
 * Figures of a calibration round: several trainees tally the same recording blind and are
 * compared with a gold standard (a reference tally). Pure and framework-free; every
 * coefficient comes from lib/agreement.
 *
 * Marks are turned once into one Uint8Array per coder over the universe of cells (every
 * behaviour in display order × every interval, behaviour-major), so each figure after that
 * is a pass over typed arrays instead of per-cell Set/Map look-ups.
 */
import { binaryAgreement, type Coefficient, krippendorffAlpha, multiCoderCoefficients, type RatingMatrix } from '@/lib/agreement';
import { undefinedCoefficient } from '@/lib/agreement/coefficient';
import { type Codebook, flattenBehaviours } from '@/lib/codebook/model';
import { cellKey } from '@/lib/tally/model';

export interface MarkSet {
  /** cellKey of every cell marked 1; cells outside the codebook × intervals are ignored. */
  marked: ReadonlySet<string>;
  /** scaleKey → value. */
  ratings: ReadonlyMap<string, number>;
}

export interface CalibrationCriteria {
  statistic: 'kappa' | 'ac1';
  /** e.g. 0.70 */
  threshold: number;
  /** Scale points, e.g. 1. */
  ratingTolerance: number;
  /** e.g. 0.9 */
  ratingShare: number;
}

export interface CalibrationInput {
  codebook: Codebook;
  /** Count of intervals, indices 0..n-1. */
  intervals: number;
  gold: MarkSet;
  trainees: { id: string; marks: MarkSet }[];
}

export interface AgreementWithGold {
  n: number;
  percentAgreement: Coefficient;
  cohenKappa: Coefficient;
  gwetAc1: Coefficient;
  both: number;
  /** Trainee 1, gold 0. */
  over: number;
  /** Trainee 0, gold 1: misses. */
  under: number;
  neither: number;
}

export interface TraineeFigures {
  traineeId: string;
  overall: AgreementWithGold;
  aspects: { aspectKey: string; figures: AgreementWithGold }[];
  behaviours: { behaviourKey: string; aspectKey: string; figures: AgreementWithGold }[];
  ratings: { scaleKey: string; gold: number | null; trainee: number | null; within: boolean | null }[];
  ratingsWithin: { within: number; total: number; share: number | null };
  pass: { marks: boolean | null; ratings: boolean | null; overall: boolean };
}

export interface CellSpread {
  behaviourKey: string;
  interval: number;
  marked: number;
  of: number;
  gold: 0 | 1;
  /** How evenly the group split: min(marked, of-marked)/of, 0..0.5. */
  split: number;
  /** Trainees whose mark differs from gold. */
  offGold: number;
}

export interface BehaviourGroupFigures {
  behaviourKey: string;
  aspectKey: string;
  fleissKappa: Coefficient;
  krippendorffAlpha: Coefficient;
  percentAgreement: Coefficient;
}

export interface CalibrationFigures {
  trainees: TraineeFigures[];
  cells: CellSpread[];
  group: { trainees: number; overall: { fleissKappa: Coefficient; krippendorffAlpha: Coefficient }; behaviours: BehaviourGroupFigures[] };
}

/**
 * Slack when comparing a figure with a threshold: kappa and means are computed through
 * several divisions, and a figure that equals the threshold up to rounding should count as
 * reaching it. Shared with drift.ts so a pass and "not below" agree.
 */
export const ROUNDING_ALLOWANCE = 1e-9;

/*
 * Counts are kept in 4-slot bins indexed by trainee | gold << 1:
 * 0 = neither, 1 = over (trainee only), 2 = under (gold only), 3 = both.
 */
const NEITHER = 0;
const OVER = 1;
const UNDER = 2;
const BOTH = 3;

function fromCounts(both: number, over: number, under: number, neither: number): AgreementWithGold {
  // The trainee is coder A and the gold standard coder B: "only A" is an over-mark, "only B" a miss.
  const t = binaryAgreement({ a: both, b: over, c: under, d: neither });
  return { n: t.n, percentAgreement: t.percentAgreement, cohenKappa: t.cohenKappa, gwetAc1: t.gwetAc1, both, over, under, neither };
}

const fromBins = (bins: ArrayLike<number>, at = 0) => fromCounts(bins[at + BOTH]!, bins[at + OVER]!, bins[at + UNDER]!, bins[at + NEITHER]!);

/** One coder's agreement with a reference (the gold standard, or a partner) over `cells`. */
export function agreementWithGold(gold: ReadonlySet<string>, coder: ReadonlySet<string>, cells: readonly string[]): AgreementWithGold {
  const bins = [0, 0, 0, 0];
  for (const cell of cells) bins[(coder.has(cell) ? 1 : 0) | (gold.has(cell) ? 2 : 0)]!++;
  return fromBins(bins);
}

export function markStatistic(f: AgreementWithGold, statistic: 'kappa' | 'ac1'): Coefficient {
  return statistic === 'kappa' ? f.cohenKappa : f.gwetAc1;
}

/**
 * Pass rules.
 * - Marks: the chosen statistic's point estimate ≥ threshold. When that statistic is
 *   Undefined (e.g. kappa when gold and trainee both marked nothing) marks fail: we do not
 *   silently fall back to AC1, a trainer who expects such recordings should choose AC1.
 *   Marks are null only when there were no cells at all (nothing to judge).
 * - Ratings: null when the gold standard rated nothing (then they don't count); otherwise
 *   the share within tolerance ≥ ratingShare.
 * - Overall: marks && (ratings ?? true); a round without cells never passes.
 */
export function passesCriteria(f: Pick<TraineeFigures, 'overall' | 'ratingsWithin'>, criteria: CalibrationCriteria): TraineeFigures['pass'] {
  const stat = markStatistic(f.overall, criteria.statistic).estimate;
  const marks = f.overall.n === 0 ? null : stat !== null && stat >= criteria.threshold - ROUNDING_ALLOWANCE;
  const share = f.ratingsWithin.share;
  const ratings = share === null ? null : share >= criteria.ratingShare - ROUNDING_ALLOWANCE;
  return { marks, ratings, overall: marks === true && ratings !== false };
}

/** Per global scale: only scales the gold standard rated count; a missing trainee rating is not within. */
function ratingFigures(codebook: Codebook, gold: MarkSet, trainee: MarkSet, tolerance: number): Pick<TraineeFigures, 'ratings' | 'ratingsWithin'> {
  let within = 0;
  let total = 0;
  const ratings = codebook.ratingScales.map((scale) => {
    const g = gold.ratings.get(scale.key) ?? null;
    const t = trainee.ratings.get(scale.key) ?? null;
    const ok = g === null ? null : t !== null && Math.abs(t - g) <= tolerance;
    if (ok !== null) total++;
    if (ok) within++;
    return { scaleKey: scale.key, gold: g, trainee: t, within: ok };
  });
  return { ratings, ratingsWithin: { within, total, share: total === 0 ? null : within / total } };
}

/** The cells' layout: behaviour b, interval i is cell b * intervals + i. */
interface Layout {
  behaviourKeys: string[];
  aspectKeys: string[];
  /** Index into aspectKeys of each behaviour. */
  aspectOf: Int32Array;
  intervals: number;
  keys: string[];
}

function layoutOf(codebook: Codebook, intervals: number): Layout {
  if (!Number.isInteger(intervals) || intervals < 0) throw new RangeError(`intervals must be a non-negative integer, got ${intervals}`);
  const placed = flattenBehaviours(codebook);
  const aspectIndex = new Map<string, number>();
  const aspectOf = new Int32Array(placed.length);
  const keys: string[] = [];
  placed.forEach((p, b) => {
    let a = aspectIndex.get(p.aspect.key);
    if (a === undefined) aspectIndex.set(p.aspect.key, (a = aspectIndex.size));
    aspectOf[b] = a;
    for (let i = 0; i < intervals; i++) keys.push(cellKey(p.behaviour.key, i));
  });
  // Aspects without behaviours have nothing to tally and get no entry.
  return { behaviourKeys: placed.map((p) => p.behaviour.key), aspectKeys: [...aspectIndex.keys()], aspectOf, intervals, keys };
}

const marksOf = (marked: ReadonlySet<string>, keys: readonly string[]) => Uint8Array.from(keys, (k) => (marked.has(k) ? 1 : 0));

function traineeMarkFigures(marks: Uint8Array, gold: Uint8Array, layout: Layout): Pick<TraineeFigures, 'overall' | 'aspects' | 'behaviours'> {
  const { behaviourKeys, aspectKeys, aspectOf, intervals } = layout;
  const byBehaviour = new Int32Array(behaviourKeys.length * 4);
  const byAspect = new Int32Array(aspectKeys.length * 4);
  const overall = new Int32Array(4);
  for (let b = 0; b < behaviourKeys.length; b++) {
    for (let c = b * intervals, end = c + intervals; c < end; c++) byBehaviour[b * 4 + (marks[c]! | (gold[c]! << 1))]!++;
    for (let k = 0; k < 4; k++) {
      byAspect[aspectOf[b]! * 4 + k]! += byBehaviour[b * 4 + k]!;
      overall[k]! += byBehaviour[b * 4 + k]!;
    }
  }
  return {
    overall: fromBins(overall),
    aspects: aspectKeys.map((aspectKey, a) => ({ aspectKey, figures: fromBins(byAspect, a * 4) })),
    behaviours: behaviourKeys.map((behaviourKey, b) => ({ behaviourKey, aspectKey: aspectKeys[aspectOf[b]!]!, figures: fromBins(byBehaviour, b * 4) })),
  };
}

/** Every cell's spread over the trainees, most split first (then most off gold, then codebook order). */
function cellSpreads(traineeMarks: Uint8Array[], gold: Uint8Array, layout: Layout): CellSpread[] {
  const of = traineeMarks.length;
  const marked = new Int32Array(layout.keys.length);
  for (const marks of traineeMarks) for (let c = 0; c < marks.length; c++) marked[c]! += marks[c]!;
  const cells: CellSpread[] = [];
  for (let b = 0; b < layout.behaviourKeys.length; b++) {
    for (let i = 0; i < layout.intervals; i++) {
      const c = b * layout.intervals + i;
      const m = marked[c]!;
      const g = gold[c] === 1 ? 1 : 0;
      cells.push({ behaviourKey: layout.behaviourKeys[b]!, interval: i, marked: m, of, gold: g, split: of === 0 ? 0 : Math.min(m, of - m) / of, offGold: g ? of - m : m });
    }
  }
  // Built in codebook × interval order and Array.prototype.sort is stable, so ties keep that order.
  return cells.sort((x, y) => y.split - x.split || y.offGold - x.offGold);
}

const TOO_FEW_TRAINEES = 'needs at least two trainees';

function groupFigures(traineeIds: string[], traineeMarks: Uint8Array[], layout: Layout): CalibrationFigures['group'] {
  const raters = traineeIds.length;
  const { behaviourKeys, aspectKeys, aspectOf, intervals, keys } = layout;
  if (raters < 2) {
    const none = undefinedCoefficient(TOO_FEW_TRAINEES);
    return {
      trainees: raters,
      overall: { fleissKappa: none, krippendorffAlpha: none },
      behaviours: behaviourKeys.map((behaviourKey, b) => ({ behaviourKey, aspectKey: aspectKeys[aspectOf[b]!]!, fleissKappa: none, krippendorffAlpha: none, percentAgreement: none })),
    };
  }
  // One unit-major code array (cell × trainee) built directly, skipping RatingMatrixBuilder's
  // interning; category codes equal the marks. A behaviour's units are a contiguous slice.
  const codes = new Int32Array(keys.length * raters);
  traineeMarks.forEach((marks, r) => {
    for (let c = 0; c < marks.length; c++) codes[c * raters + r] = marks[c]!;
  });
  // Both categories always exist, as RatingMatrixBuilder gives data coded 0/1.
  const matrix = (unitIds: string[], slice: Int32Array): RatingMatrix => ({
    unitIds,
    raterIds: traineeIds,
    categories: ['0', '1'],
    categoryValues: Float64Array.of(0, 1),
    codes: slice,
  });
  const overall = matrix(keys, codes);
  const intervalIds = Array.from({ length: intervals }, (_, i) => String(i));
  const width = intervals * raters;
  return {
    trainees: raters,
    overall: { fleissKappa: multiCoderCoefficients(overall).fleissKappa, krippendorffAlpha: krippendorffAlpha(overall, 'nominal') },
    behaviours: behaviourKeys.map((behaviourKey, b) => {
      const m = matrix(intervalIds, codes.subarray(b * width, (b + 1) * width));
      const multi = multiCoderCoefficients(m);
      return {
        behaviourKey,
        aspectKey: aspectKeys[aspectOf[b]!]!,
        fleissKappa: multi.fleissKappa,
        krippendorffAlpha: krippendorffAlpha(m, 'nominal'),
        percentAgreement: multi.percentAgreement,
      };
    }),
  };
}

export function calibrationFigures(input: CalibrationInput, criteria: CalibrationCriteria): CalibrationFigures {
  const layout = layoutOf(input.codebook, input.intervals);
  const gold = marksOf(input.gold.marked, layout.keys);
  const traineeMarks = input.trainees.map((t) => marksOf(t.marks.marked, layout.keys));
  const trainees = input.trainees.map((t, r): TraineeFigures => {
    const figures = { ...traineeMarkFigures(traineeMarks[r]!, gold, layout), ...ratingFigures(input.codebook, input.gold, t.marks, criteria.ratingTolerance) };
    return { traineeId: t.id, ...figures, pass: passesCriteria(figures, criteria) };
  });
  return {
    trainees,
    cells: cellSpreads(traineeMarks, gold, layout),
    group: groupFigures(input.trainees.map((t) => t.id), traineeMarks, layout),
  };
}
