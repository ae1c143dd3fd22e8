/**
 * The demo codebook: modelled on the structure of a study's distance-and-proximity coding
 * list (see the domain brief), written in our own words, in English and Dutch.
 *
 * - Professional involvement: 10 positive, 4 negative (14)
 * - Power as say and power as influence: 11 positive, 2 negative (13)
 * - Multi-directed partiality: 15 positive, 2 negative (17)
 * Each aspect: behaviours from the literature first, then from the dimensions of "the
 * observation instrument". Shortcut letters are given for aspect 1 only. One global rating
 * scale per instrument dimension, −3 … +3.
 */
import { derivedKey } from './keys';
import type { Codebook, RatingScale } from './model';
import { DIMENSIONS, text, type Dimension, type Pair } from './demo/build';
import { professionalInvolvement } from './demo/involvement';
import { multiDirectedPartiality } from './demo/partiality';
import { powerAsSayAndInfluence } from './demo/power';

export const DEMO_CODEBOOK_NAME = 'Distance and proximity (demo)';

const ANCHORS: [number, Pair][] = [
  [-3, ['Extremely problematic', 'Zeer problematisch']],
  [-2, ['Moderately problematic', 'Tamelijk problematisch']],
  [-1, ['Somewhat problematic', 'Enigszins problematisch']],
  [0, ['Unremarkable or neutral', 'Onopvallend of neutraal']],
  [1, ['Somewhat strong', 'Enigszins sterk']],
  [2, ['Moderately strong', 'Tamelijk sterk']],
  [3, ['Extremely strong', 'Zeer sterk']],
];

function dimensionScale(dimension: Dimension): RatingScale {
  return {
    key: derivedKey('scale', dimension.id),
    label: text(dimension.label),
    min: -3,
    max: 3,
    anchors: ANCHORS.map(([value, anchor]) => ({ value, text: text(anchor) })),
    dimension: dimension.id,
  };
}

/** A fresh copy of the demo codebook (safe to modify). */
export function demoCodebook(): Codebook {
  return structuredClone({
    name: DEMO_CODEBOOK_NAME,
    description:
      'Demo codebook: how a family-care worker balances distance and proximity with a family. ' +
      'Three aspects, each with behaviours from the literature and from an observation instrument. ' +
      'Tally per 5-minute interval: 1 if the behaviour occurred at least once, else 0.',
    aspects: [professionalInvolvement, powerAsSayAndInfluence, multiDirectedPartiality],
    ratingScales: [DIMENSIONS.engagement, DIMENSIONS.emotionalConnection, DIMENSIONS.safety, DIMENSIONS.sharedPurpose].map(dimensionScale),
  });
}
