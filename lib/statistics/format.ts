import type { Coefficient } from '@/lib/agreement';
import type { Locale } from '@/lib/i18n/messages';

const formats = new Map<string, Intl.NumberFormat>();
function fmt(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f;
}

export function formatNumber(value: number, locale: Locale, digits = 2): string {
  return fmt(locale, digits).format(value);
}

/** "0.72" and, when known, its 95% interval "[0.61, 0.83]"; "—" where undefined. */
export function formatCoefficient(c: Coefficient, locale: Locale, withInterval = true): { text: string; title?: string } {
  if (c.estimate === null) return { text: '—', title: c.reason };
  const point = formatNumber(c.estimate, locale);
  if (!withInterval || c.ciLow === null || c.ciHigh === null) return { text: point };
  const sep = locale === 'nl' ? '; ' : ', ';
  return { text: `${point} [${formatNumber(c.ciLow, locale)}${sep}${formatNumber(c.ciHigh, locale)}]` };
}
