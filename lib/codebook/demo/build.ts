/**
 * Compact builders for the demo codebook. Keys are name-based (keys.ts `derivedKey`), the
 * same derivation a CSV without key columns gets, so the demo's identities are reproducible.
 */
import { derivedKey } from '../keys';
import type { Aspect, Behaviour, Group, Localized } from '../model';

/** [English, Dutch] */
export type Pair = readonly [en: string, nl: string];

export interface BehaviourSpec {
  code: string;
  polarity: '+' | '-';
  label: Pair;
  definition: Pair;
  include?: Pair;
  exclude?: Pair;
  examples?: Pair[];
  shortcut?: string;
}

export interface Dimension {
  id: string;
  label: Pair;
}

/**
 * The instrument's name, kept generic. (In the study the demo is modelled on, it was the
 * SOFTA-o, the observational System for Observing Family Therapy Alliances; the dimension
 * names below follow its four dimensions, the behaviours are written in our own words.)
 */
export const INSTRUMENT = 'the observation instrument';

export const DIMENSIONS = {
  engagement: { id: 'engagement', label: ['Engagement', 'Betrokkenheid bij het hulpproces'] },
  emotionalConnection: { id: 'emotional-connection', label: ['Emotional connection', 'Emotionele verbondenheid'] },
  safety: { id: 'safety', label: ['Safety', 'Veiligheid'] },
  sharedPurpose: { id: 'shared-purpose', label: ['Shared sense of purpose', 'Gedeeld doelbesef'] },
} as const satisfies Record<string, Dimension>;

export const text = ([en, nl]: Pair): Localized => ({ en, nl });
const none: Pair = ['', ''];

export function behaviour(spec: BehaviourSpec): Behaviour {
  return {
    key: derivedKey('behaviour', spec.code),
    code: spec.code,
    label: text(spec.label),
    polarity: spec.polarity === '+' ? 'positive' : 'negative',
    definition: text(spec.definition),
    include: text(spec.include ?? none),
    exclude: text(spec.exclude ?? none),
    examples: (spec.examples ?? []).map(text),
    ...(spec.shortcut ? { shortcut: spec.shortcut } : {}),
  };
}

export interface GroupSpec {
  /** Omit for the literature group. */
  dimension?: Dimension;
  behaviours: BehaviourSpec[];
}

export function aspect(label: Pair, groups: GroupSpec[]): Aspect {
  return {
    key: derivedKey('aspect', label[0]),
    label: text(label),
    groups: groups.map((g): Group => {
      const groupLabel: Pair = g.dimension ? g.dimension.label : ['Literature', 'Literatuur'];
      return {
        key: derivedKey('group', label[0], groupLabel[0]),
        source: g.dimension ? 'instrument' : 'literature',
        ...(g.dimension ? { instrument: INSTRUMENT, dimension: g.dimension.id } : {}),
        label: text(groupLabel),
        behaviours: g.behaviours.map(behaviour),
      };
    }),
  };
}
