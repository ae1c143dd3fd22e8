/**
 * How much credit a pair of different categories gets. `identity` is the unweighted
 * case; `linear` and `quadratic` are Cohen's (1968) weights on category *positions*
 * (0, 1, …, q−1 in ascending order), not on the values themselves, as in R's irr::kappa2.
 */
export type WeightScheme = 'identity' | 'linear' | 'quadratic';

/** q×q agreement weights, row-major, 1 on the diagonal and 0 for the two extreme categories. */
export function agreementWeights(q: number, scheme: WeightScheme): Float64Array {
  const w = new Float64Array(q * q);
  const span = Math.max(q - 1, 1);
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const distance = Math.abs(k - l) / span;
      w[k * q + l] = scheme === 'identity' ? (k === l ? 1 : 0) : scheme === 'linear' ? 1 - distance : 1 - distance * distance;
    }
  }
  return w;
}
