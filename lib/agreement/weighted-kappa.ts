import type { Coefficient } from './coefficient';
import { tableCoefficients, type ContingencyTable } from './two-coder';
import { agreementWeights } from './weights';

/**
 * Cohen's (1968) weighted kappa for two coders on ordered categories, with the
 * Fleiss, Cohen & Everitt (1969) large-sample standard error. Weights sit on
 * category positions (see `agreementWeights`).
 */
export function weightedKappa(table: ContingencyTable, scheme: 'linear' | 'quadratic'): Coefficient {
  return tableCoefficients(table, agreementWeights(table.q, scheme)).cohenKappa;
}
