import { describe, expect, it } from 'vitest';
import { demoCodebook, DEMO_CODEBOOK_NAME } from '@/lib/codebook/demo';
import { aspectBehaviours, behaviourLabel, countByPolarity, displayGroups, flattenBehaviours, localized } from '@/lib/codebook/model';
import { derivedKey, isUuid, normalizeUuid, uuidV5 } from '@/lib/codebook/keys';

describe('codebook model', () => {
  it('lists behaviours in display order: aspects, literature first, then instrument dimensions', () => {
    const cb = demoCodebook();
    const [lit, ...dims] = cb.aspects[0]!.groups;
    cb.aspects[0]!.groups = [...dims, lit!]; // stored out of order
    expect(displayGroups(cb.aspects[0]!).map((g) => g.label.en)).toEqual(['Literature', 'Emotional connection', 'Safety']);
    const flat = flattenBehaviours(cb);
    expect(flat.slice(0, 4).map((p) => p.behaviour.code)).toEqual(['PI-L1', 'PI-L2', 'PI-L3', 'PI-EC1']);
    expect(flat.map((p) => p.index)).toEqual(flat.map((_, i) => i));
    expect(flat.at(-1)?.behaviour.code).toBe('MP-SP7');
  });

  it('shows the label in the user language, falling back to English', () => {
    const b = demoCodebook().aspects[0]!.groups[1]!.behaviours[0]!;
    expect(behaviourLabel(b, 'nl')).toBe('Deelt een luchtig moment of een grap met het gezin');
    expect(behaviourLabel(b, 'en')).toBe('Shares a light moment or a joke with the family');
    expect(behaviourLabel({ ...b, label: { en: 'Only English', nl: ' ' } }, 'nl')).toBe('Only English');
    expect(localized({ en: '', nl: 'Alleen Nederlands' }, 'en')).toBe('Alleen Nederlands');
  });

  it('makes RFC 4122 name-based keys', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(derivedKey('behaviour', 'PI-L1')).toBe(derivedKey('behaviour', 'PI-L1'));
    expect(derivedKey('behaviour', 'PI-L1')).not.toBe(derivedKey('aspect', 'PI-L1'));
    expect(normalizeUuid('{3F2504E0-4F89-41D3-9A0C-0305E82C3301}')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(isUuid('3f2504e0-4f89-41d3-9a0c-0305e82c330')).toBe(false);
  });
});

describe('demo codebook', () => {
  const cb = demoCodebook();

  it('has the three aspects with the counts of the domain brief', () => {
    expect(cb.name).toBe(DEMO_CODEBOOK_NAME);
    expect(cb.aspects.map((a) => [a.label.en, aspectBehaviours(a).length, countByPolarity(aspectBehaviours(a))])).toEqual([
      ['Professional involvement', 14, { positive: 10, negative: 4 }],
      ['Power as say and power as influence', 13, { positive: 11, negative: 2 }],
      ['Multi-directed partiality', 17, { positive: 15, negative: 2 }],
    ]);
  });

  it('groups each aspect as literature first, then the instrument dimensions of the brief', () => {
    const shape = cb.aspects.map((a) => a.groups.map((g) => `${g.label.en}:${g.behaviours.length}`));
    expect(shape).toEqual([
      ['Literature:3', 'Emotional connection:10', 'Safety:1'],
      ['Literature:5', 'Engagement:8'],
      ['Literature:6', 'Engagement:1', 'Safety:3', 'Shared sense of purpose:7'],
    ]);
    for (const g of cb.aspects.flatMap((a) => a.groups))
      expect(g.instrument).toBe(g.source === 'literature' ? undefined : 'the observation instrument');
  });

  it('is bilingual: every label and definition in English and Dutch', () => {
    for (const { behaviour: b } of flattenBehaviours(cb)) {
      expect([b.label.en, b.label.nl, b.definition.en, b.definition.nl].every((t) => t.trim().length > 0), b.code).toBe(true);
      for (const note of [b.include, b.exclude, ...b.examples]) expect(Boolean(note.en) === Boolean(note.nl), b.code).toBe(true);
    }
    for (const a of cb.aspects) expect(a.label.nl).not.toBe('');
  });

  it('gives shortcut letters to aspect 1 only', () => {
    const withShortcut = flattenBehaviours(cb).filter((p) => p.behaviour.shortcut);
    expect(withShortcut).toHaveLength(14);
    expect(new Set(withShortcut.map((p) => p.aspect.key))).toEqual(new Set([cb.aspects[0]!.key]));
  });

  it('has one −3…+3 rating scale per instrument dimension, with anchors in both languages', () => {
    const dims = new Set(cb.aspects.flatMap((a) => a.groups.map((g) => g.dimension)).filter(Boolean));
    expect(new Set(cb.ratingScales.map((s) => s.dimension))).toEqual(dims);
    for (const s of cb.ratingScales) {
      expect([s.min, s.max, s.anchors.map((a) => a.value)]).toEqual([-3, 3, [-3, -2, -1, 0, 1, 2, 3]]);
      expect(s.anchors.every((a) => a.text.en && a.text.nl)).toBe(true);
    }
  });

  it('returns a fresh copy each time', () => {
    const a = demoCodebook();
    a.aspects[0]!.label.en = 'changed';
    expect(demoCodebook().aspects[0]!.label.en).toBe('Professional involvement');
  });
});
