import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { nl } from '@/lib/i18n/nl';
import { localeFromAcceptLanguage, translator } from '@/lib/i18n/messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has a non-empty Dutch text for every English key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(nl[key], key).toBeTruthy();
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has each key in exactly one area file, so no area silently overrides another', () => {
    const areas = Object.values(import.meta.glob<Record<string, Record<string, string>>>('@/lib/i18n/en/!(index).ts', { eager: true })).flatMap((m) => Object.values(m));
    const keys = areas.flatMap((area) => Object.keys(area));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.length).toBe(Object.keys(en).length);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('nl');
    expect(t('case.duplicate', { caseNumber: 'K-01' })).toBe('Casusnummer K-01 bestaat al in dit project.');
    expect(translator('en')('case.duplicate')).toContain('{caseNumber}');
  });

  it('picks Dutch from a browser that prefers it, English otherwise', () => {
    expect(localeFromAcceptLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(localeFromAcceptLanguage('de-DE,en;q=0.5,nl;q=0.7')).toBe('nl');
    expect(localeFromAcceptLanguage('fr')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
