/**
 * Every coefficient that applies to one set of ratings, each defined or null with a
 * reason: what `concord agreement` prints, and what a page can show for an uploaded file.
 */
import { type Coefficient, undefinedCoefficient } from './coefficient';
import { ICC_A1, ICC_C1, iccFromRatings } from './icc';
import { krippendorffAlpha, type MeasurementLevel } from './krippendorff';
import { multiCoderCoefficients } from './multi-coder';
import { dimensions, type RatingMatrix } from './ratings';
import { binaryAgreement, contingencyTable, tableCoefficients } from './two-coder';
import { weightedKappa } from './weighted-kappa';

/** Above this many categories a q×q table is not built (it would be mostly empty and huge). */
export const MAX_CATEGORIES_FOR_TABLE = 1000;

export interface RatingsSummary {
  nUnits: number;
  nRaters: number;
  /** The level the coefficients were computed at (see `effectiveLevel`). */
  level: MeasurementLevel;
  percentAgreement: Coefficient;
  occurrenceAgreement: Coefficient;
  nonOccurrenceAgreement: Coefficient;
  cohenKappa: Coefficient;
  scottPi: Coefficient;
  pabak: Coefficient;
  gwetAc1: Coefficient;
  brennanPrediger: Coefficient;
  fleissKappa: Coefficient;
  krippendorffAlpha: Coefficient;
  cohenKappaLinear: Coefficient;
  cohenKappaQuadratic: Coefficient;
  /** Two-way, absolute agreement, single rater. */
  iccA1: Coefficient;
  /** Two-way, consistency, single rater. */
  iccC1: Coefficient;
}

/** True when the categories are exactly 0 and 1 (1 = the behaviour occurred). */
export function isCodedZeroOne(m: RatingMatrix): boolean {
  const v = m.categoryValues;
  return v !== null && v.length === 2 && v[0] === 0 && v[1] === 1;
}

/**
 * The level to use when none is given: nominal, except for data coded 0/1, which count as
 * interval — a dichotomy is at every level, and nominal, ordinal and interval results coincide.
 */
export function effectiveLevel(m: RatingMatrix, level?: MeasurementLevel): MeasurementLevel {
  return level ?? (isCodedZeroOne(m) ? 'interval' : 'nominal');
}

type TwoRaterKey =
  | 'percentAgreement'
  | 'occurrenceAgreement'
  | 'nonOccurrenceAgreement'
  | 'cohenKappa'
  | 'scottPi'
  | 'pabak'
  | 'gwetAc1'
  | 'brennanPrediger'
  | 'cohenKappaLinear'
  | 'cohenKappaQuadratic';

export function summarizeRatings(m: RatingMatrix, requestedLevel?: MeasurementLevel): RatingsSummary {
  const { nUnits, nRaters } = dimensions(m);
  const level = effectiveLevel(m, requestedLevel);
  const q = m.categories.length;
  const many = multiCoderCoefficients(m);

  const notTwo: Coefficient = undefinedCoefficient(`defined for two raters; these data have ${nRaters}`);
  let twoRater: Pick<RatingsSummary, TwoRaterKey> = {
    percentAgreement: many.percentAgreement,
    occurrenceAgreement: notTwo,
    nonOccurrenceAgreement: notTwo,
    cohenKappa: notTwo,
    scottPi: notTwo,
    pabak: notTwo,
    gwetAc1: many.gwetAc,
    brennanPrediger: many.brennanPrediger,
    cohenKappaLinear: notTwo,
    cohenKappaQuadratic: notTwo,
  };
  if (nRaters === 2 && q > MAX_CATEGORIES_FOR_TABLE) {
    const tooMany = undefinedCoefficient(`not computed for more than ${MAX_CATEGORIES_FOR_TABLE} distinct values`);
    twoRater = { ...twoRater, cohenKappa: tooMany, scottPi: tooMany, pabak: tooMany, cohenKappaLinear: tooMany, cohenKappaQuadratic: tooMany };
  } else if (nRaters === 2) {
    const codesA = new Int32Array(nUnits);
    const codesB = new Int32Array(nUnits);
    for (let u = 0; u < nUnits; u++) {
      codesA[u] = m.codes[2 * u]!;
      codesB[u] = m.codes[2 * u + 1]!;
    }
    const table = contingencyTable(codesA, codesB, q);
    const all = tableCoefficients(table);
    const binary = isCodedZeroOne(m)
      ? binaryAgreement({ a: table.counts[3]!, b: table.counts[2]!, c: table.counts[1]!, d: table.counts[0]! })
      : null;
    const needsZeroOne = undefinedCoefficient('needs data coded 0/1, with 1 for an occurrence');
    const ordered = level !== 'nominal';
    const needsOrder = undefinedCoefficient('needs ordered categories (--level ordinal, interval or ratio)');
    twoRater = {
      percentAgreement: all.percentAgreement,
      occurrenceAgreement: binary?.occurrenceAgreement ?? needsZeroOne,
      nonOccurrenceAgreement: binary?.nonOccurrenceAgreement ?? needsZeroOne,
      cohenKappa: all.cohenKappa,
      scottPi: all.scottPi,
      pabak: q === 2 ? all.brennanPrediger : undefinedCoefficient(`defined for two categories; these data have ${q} (see brennan_prediger)`),
      gwetAc1: all.gwetAc,
      brennanPrediger: all.brennanPrediger,
      cohenKappaLinear: ordered ? weightedKappa(table, 'linear') : needsOrder,
      cohenKappaQuadratic: ordered ? weightedKappa(table, 'quadratic') : needsOrder,
    };
  }

  const numeric = level === 'interval' || level === 'ratio';
  const needsNumeric = undefinedCoefficient('the ICC needs interval or ratio data (--level interval or ratio)');
  return {
    nUnits,
    nRaters,
    level,
    ...twoRater,
    fleissKappa: many.fleissKappa,
    krippendorffAlpha: krippendorffAlpha(m, level),
    iccA1: numeric ? iccFromRatings(m, ICC_A1) : needsNumeric,
    iccC1: numeric ? iccFromRatings(m, ICC_C1) : needsNumeric,
  };
}
