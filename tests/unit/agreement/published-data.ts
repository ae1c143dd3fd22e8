/**
 * Published rating data sets used to verify the coefficients. Rows are units, columns
 * raters; null is a missing rating. Sources are cited per set.
 */
import type { ContingencyTable } from '@/lib/agreement';

const N = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four
 * observers, twelve units, values 1–5 with missing data. The same data are R irr's
 * `kripp.alpha` example (matrix `nmm`) and irrCAC's `cac.raw4raters` (Gwet 2014, p. 120;
 * irrCAC puts unit 12's lone value with a different rater, which cannot change anything:
 * a unit with one value is not pairable).
 */
export const KRIPPENDORFF_2011 = [
  [1, 1, N, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [N, 5, 5, 5],
  [N, N, 1, 1],
  [N, N, 3, N],
];

/** irrCAC `cac.raw5obser`: 5 observers score 15 units on 0–3 (Gwet 2014). */
export const RAW_5_OBSERVERS = [
  [1, 1, 2, N, 2],
  [1, 1, 0, 1, N],
  [2, 3, 3, 3, N],
  [N, 0, 0, N, 0],
  [0, 0, 0, N, 0],
  [0, 0, 0, N, 0],
  [1, 0, 2, N, 1],
  [1, N, 2, 0, N],
  [2, 2, 2, N, 2],
  [2, 1, 1, 1, N],
  [N, 1, 0, 0, N],
  [0, 0, 0, 0, N],
  [1, 2, 2, 2, N],
  [3, 3, 2, 2, 3],
  [1, 1, 1, N, 1],
];

/** irrCAC `cac.raw.gender`: 4 raters classify 15 subjects into a, b, c. */
export const RAW_GENDER = [
  'aaac', 'aabc', 'aabc', 'aacc', 'abaa', 'baaa', 'bbbb', 'bcbb', 'cccc', 'aaac', 'aabc', 'aabc', 'aacc', 'abaa', 'baaa',
].map((row) => row.split(''));

/** irrCAC `cac.ben.gerry`: two raters, Ben and Gerry, twelve units, one missing rating. */
export const RAW_BEN_GERRY = [
  ['a', 'b'],
  ['a', 'a'],
  ['b', 'b'],
  ['b', 'b'],
  ['d', 'b'],
  ['c', 'c'],
  ['c', 'c'],
  ['c', 'c'],
  ['e', 'e'],
  ['d', N],
  ['d', 'd'],
  ['a', 'd'],
];

/**
 * Fleiss (1971), Table 1: six psychiatrists assign 30 patients to five diagnoses
 * (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); R irr's
 * `diagnoses` data set, transcribed as in statsmodels' tests of `fleiss_kappa`.
 */
export const FLEISS_1971 = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];

/** R irr's `anxiety` data: three raters score 20 subjects' anxiety on 1–6 (as in statsmodels' irr comparisons). */
const ANXIETY_BY_RATER = [
  [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
  [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
  [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
];
export const ANXIETY = ANXIETY_BY_RATER[0]!.map((_, i) => ANXIETY_BY_RATER.map((rater) => rater[i]!));

/** Shrout & Fleiss (1979), Table 2: four judges rate six targets. */
export const SHROUT_FLEISS_1979 = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

const table = (q: number, counts: number[]): ContingencyTable => ({ q, counts: Float64Array.from(counts) });

/** irrCAC `cont3x3abstractors`: two abstractors classify 100 pregnancies (Gwet 2014). */
export const ABSTRACTORS_3X3 = table(3, [13, 0, 0, 0, 20, 7, 0, 4, 56]);

/** irrCAC `cont4x4diagnosis`: 223 patients by clinical and research diagnosis. */
export const DIAGNOSIS_4X4 = table(4, [40, 4, 4, 17, 6, 25, 2, 13, 4, 1, 21, 12, 15, 5, 9, 45]);

/**
 * A 3×3 table with SAS PROC FREQ's kappa output, reproduced in statsmodels'
 * test_inter_rater.py: kappa 0.4842, ASE 0.1380; weighted (linear) 0.4701, ASE 0.1457.
 */
export const SAS_3X3 = table(3, [0, 4, 1, 0, 8, 0, 0, 1, 5]);
