/**
 * Inter-coder agreement for Concord: framework-free, typed-array based.
 * See docs/statistics.md for the formulas, references and conventions.
 */
export { type Coefficient, type Estimate, type Undefined, isDefined } from './coefficient';
export { type ContingencyTable, contingencyTable, type TableCoefficients, tableCoefficients, type TwoByTwo, type BinaryAgreement, binaryAgreement } from './two-coder';
export { type WeightScheme, agreementWeights } from './weights';
export { weightedKappa } from './weighted-kappa';
export { type IccForm, ICC_A1, ICC_C1, intraclassCorrelation, iccFromRatings } from './icc';
export { MISSING, type RatingMatrix, type DuplicateRating, RatingMatrixBuilder, ratingMatrixFromTable } from './ratings';
export { type MultiCoderCoefficients, multiCoderCoefficients, type FleissNullTest, fleissNullTest } from './multi-coder';
export { type MeasurementLevel, krippendorffAlpha } from './krippendorff';
export { seededRandom, DEFAULT_SEED, type BootstrapOptions, type BootstrapResult, bootstrapUnits, bootstrapKrippendorffAlpha } from './bootstrap';
export {
  NOT_CODED,
  type SessionTallies,
  type ProjectTallies,
  type ConsensusAgreement,
  type LevelAgreement,
  type CoderPairAgreement,
  type ProjectDesign,
  type ProjectAgreementReport,
  projectAgreementReport,
} from './report';
export { type CsvProblem, type LongCsvResult, type LongCsvOptions, readLongCsv } from './long-csv';
export { type RatingsSummary, summarizeRatings, effectiveLevel, isCodedZeroOne, MAX_CATEGORIES_FOR_TABLE } from './ratings-summary';
export { type ReportLanguage, type MethodsOptions, methodsParagraph } from './methods-paragraph';
