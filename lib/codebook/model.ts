/**
 * The codebook model: codebook → aspects → groups → behaviours, plus global rating scales.
 *
 * Plain, serialisable data (no classes, no Dates) so the same objects travel through
 * the editor, the database (as JSON) and every import/export format.
 *
 * Conventions
 * - Every `key` is a UUID (lower case). Keys are identities: they survive relabelling and
 *   recoding, and are what versions are diffed by. New keys come from `newKey()`; keys derived
 *   from natural names (for files that carry none) come from `lib/codebook/keys.ts`.
 * - Order is array position: aspects, groups within an aspect, behaviours within a group.
 * - All text is plain text. Nothing is ever HTML; renderers must escape it.
 * - Bilingual text is `{ en, nl }`. English is required where text is required; Dutch may be
 *   empty and then falls back to English for display (`localized`).
 */

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** The same text in English and Dutch. Empty string = not given. */
export interface Localized {
  en: string;
  nl: string;
}

export const POLARITIES = ['positive', 'negative'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const GROUP_SOURCES = ['literature', 'instrument'] as const;
/** Where a group of behaviours comes from: the literature, or a dimension of an observation instrument. */
export type GroupSource = (typeof GROUP_SOURCES)[number];

export interface Behaviour {
  /** Stable identity (UUID). Survives changes of code, label, definition, group and order. */
  key: string;
  /** Short code, unique within the codebook (case-insensitively), e.g. `PI-EC1`. No spaces. */
  code: string;
  label: Localized;
  polarity: Polarity;
  /** What counts as this behaviour. */
  definition: Localized;
  /** Inclusion notes: borderline cases that DO count. */
  include: Localized;
  /** Exclusion notes: look-alikes that do NOT count. */
  exclude: Localized;
  /** Short illustrations, each in both languages. */
  examples: Localized[];
  /** One letter that toggles this behaviour in the tally grid (see validate.ts for the rules). */
  shortcut?: string;
}

export interface Group {
  key: string;
  source: GroupSource;
  /** Name of the observation instrument, for `source: 'instrument'`. */
  instrument?: string;
  /**
   * Stable id of the instrument dimension (e.g. `engagement`), shared by the groups of
   * different aspects that come from the same dimension and by the dimension's rating scale.
   */
  dimension?: string;
  /** Shown label: "Literature", or the dimension's name. */
  label: Localized;
  behaviours: Behaviour[];
}

export interface Aspect {
  key: string;
  label: Localized;
  groups: Group[];
}

export interface ScaleAnchor {
  value: number;
  text: Localized;
}

/** A global judgement made once per session (e.g. one per instrument dimension, −3 … +3). */
export interface RatingScale {
  key: string;
  label: Localized;
  /** Integers, min < max; every integer in between is a valid score. */
  min: number;
  max: number;
  /** Anchor texts for some (or all) values, ascending by value. */
  anchors: ScaleAnchor[];
  /** The instrument dimension this scale rates, matching `Group.dimension`. */
  dimension?: string;
}

export interface Codebook {
  /** Database id, if stored. Not part of any file format except JSON. */
  id?: string;
  name: string;
  description?: string;
  aspects: Aspect[];
  ratingScales: RatingScale[];
}

/** A behaviour with where it sits, in display order. */
export interface PlacedBehaviour {
  behaviour: Behaviour;
  aspect: Aspect;
  group: Group;
  /** 0-based position in the whole display order. */
  index: number;
}

export const emptyText = (): Localized => ({ en: '', nl: '' });

/** Text in the wanted language, falling back to English (and English to Dutch). */
export function localized(text: Localized, locale: Locale): string {
  const wanted = text[locale].trim() ? text[locale] : '';
  if (wanted) return wanted;
  return text.en.trim() ? text.en : text.nl;
}

export function behaviourLabel(behaviour: Behaviour, locale: Locale): string {
  return localized(behaviour.label, locale);
}

/** Groups in display order: literature first, then instrument dimensions, each in array order. */
export function displayGroups(aspect: Aspect): Group[] {
  return [
    ...aspect.groups.filter((g) => g.source === 'literature'),
    ...aspect.groups.filter((g) => g.source !== 'literature'),
  ];
}

/** Every behaviour in display order: aspect → groups (literature first) → behaviours. */
export function flattenBehaviours(codebook: Codebook): PlacedBehaviour[] {
  const out: PlacedBehaviour[] = [];
  for (const aspect of codebook.aspects) {
    for (const group of displayGroups(aspect)) {
      for (const behaviour of group.behaviours) {
        out.push({ behaviour, aspect, group, index: out.length });
      }
    }
  }
  return out;
}

export function findBehaviour(codebook: Codebook, key: string): PlacedBehaviour | undefined {
  return flattenBehaviours(codebook).find((p) => p.behaviour.key === key);
}

/**
 * Examples from two parallel lists (line n of the English list pairs with line n of the
 * Dutch one), as spreadsheet cells and QDC descriptions store them; empty pairs are dropped.
 */
export function pairExamples(en: readonly string[], nl: readonly string[]): Localized[] {
  const out: Localized[] = [];
  for (let i = 0; i < Math.max(en.length, nl.length); i++) {
    const ex = { en: en[i] ?? '', nl: nl[i] ?? '' };
    if (ex.en || ex.nl) out.push(ex);
  }
  return out;
}

/** Counts for headers such as "10 positive, 4 negative". */
export function countByPolarity(behaviours: readonly Behaviour[]): Record<Polarity, number> {
  const counts: Record<Polarity, number> = { positive: 0, negative: 0 };
  for (const b of behaviours) counts[b.polarity] += 1;
  return counts;
}

export function aspectBehaviours(aspect: Aspect): Behaviour[] {
  return displayGroups(aspect).flatMap((g) => g.behaviours);
}

/** A deep copy (the model is plain JSON). */
export function cloneCodebook(codebook: Codebook): Codebook {
  return structuredClone(codebook);
}

const text = (t: Localized): Localized => ({ en: t.en, nl: t.nl });

/**
 * The canonical form: fields in a fixed order, no extra properties, optional fields omitted
 * when absent or empty. Exports write this form; round-trip tests compare it.
 */
export function canonicalCodebook(cb: Codebook): Codebook {
  return {
    ...(cb.id ? { id: cb.id } : {}),
    name: cb.name,
    ...(cb.description ? { description: cb.description } : {}),
    aspects: cb.aspects.map((a) => ({
      key: a.key,
      label: text(a.label),
      groups: a.groups.map((g) => ({
        key: g.key,
        source: g.source,
        ...(g.instrument ? { instrument: g.instrument } : {}),
        ...(g.dimension ? { dimension: g.dimension } : {}),
        label: text(g.label),
        behaviours: g.behaviours.map((b) => ({
          key: b.key,
          code: b.code,
          label: text(b.label),
          polarity: b.polarity,
          definition: text(b.definition),
          include: text(b.include),
          exclude: text(b.exclude),
          examples: b.examples.map(text),
          ...(b.shortcut ? { shortcut: b.shortcut } : {}),
        })),
      })),
    })),
    ratingScales: cb.ratingScales.map((s) => ({
      key: s.key,
      label: text(s.label),
      min: s.min,
      max: s.max,
      anchors: s.anchors.map((x) => ({ value: x.value, text: text(x.text) })),
      ...(s.dimension ? { dimension: s.dimension } : {}),
    })),
  };
}
