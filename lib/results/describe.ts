/*
 * The words around the numbers: column labels, k/N, the intervals a cell came from, the
 * "shown" counts at the foot. Shared by the page, the report and the exports.
 */
import { localized, type Localized, type Polarity } from '@/lib/codebook/model';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { intervalHeading } from '@/lib/sessions/intervals';
import type { ResultSession } from './model';
import type { ColumnFoot, ResultCell, ResultColumn } from './table';

export const text = (value: Localized, locale: Locale): string => localized(value, locale);

/** "K-02" per case, "K-02 · intake talk" per session. */
export function columnLabel(column: ResultColumn): string {
  return column.sessionLabel === null ? column.caseNumber : `${column.caseNumber} · ${column.sessionLabel}`;
}

export const frequencyText = (cell: Pick<ResultCell, 'k' | 'n'>): string => `${cell.k}/${cell.n}`;

export const polarityText = (polarity: Polarity, t: Translate): string => t(polarity === 'negative' ? 'results.negative' : 'results.positive');

/** "2 (5–10), 5 (20–25)": 1-based interval numbers with their minutes. */
export function intervalList(session: ResultSession, intervals: readonly number[]): string {
  return intervals.map((i) => `${i + 1} (${session.intervals[i] ? intervalHeading(session.intervals[i]!) : '?'})`).join(', ');
}

/** Which intervals of which sessions a cell came from, for its title and accessible description. */
export function cellDescription(cell: ResultCell, t: Translate): string {
  if (cell.k === 0) return t('results.cellNone');
  return cell.sources.map((s) => t('results.cellIntervals', { session: s.session.label, intervals: intervalList(s.session, s.intervals) })).join('; ');
}

/** "6 of 10 positive, 2 of 4 negative" */
export function footText(foot: ColumnFoot, totals: { positive: number; negative: number }, t: Translate): string {
  return t('results.footCell', { positive: foot.positive, positiveTotal: totals.positive, negative: foot.negative, negativeTotal: totals.negative });
}

/** A file-name-safe slug of a project name. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || 'project';
}
