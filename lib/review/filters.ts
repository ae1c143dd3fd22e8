/*
 * The review desk's filters, search and orderings, on plain data. Filters arrive as URL
 * query parameters (the desk's filter form is a GET form, so every view has an address).
 */
import { localized, type Locale } from '@/lib/codebook/model';
import { pairKey, pairLabel, type Disagreement, type ReviewBehaviour } from './model';

export const REVIEW_SORTS = ['frequency', 'recent', 'session'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const REVIEW_STATUS_FILTERS = ['', 'settled', 'unsettled'] as const;
export type ReviewStatusFilter = (typeof REVIEW_STATUS_FILTERS)[number];

export interface ReviewFilters {
  behaviour: string;
  aspect: string;
  pair: string;
  caseId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  unclear: boolean;
  status: ReviewStatusFilter;
  q: string;
  sort: ReviewSort;
}

export const NO_FILTERS: ReviewFilters = { behaviour: '', aspect: '', pair: '', caseId: '', from: '', to: '', unclear: false, status: '', q: '', sort: 'frequency' };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_+-]{1,400}$/;

function param(params: Params, name: string): string {
  const v = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim();
}

const oneOf = <T extends string>(list: readonly T[], v: string, fallback: T): T => ((list as readonly string[]).includes(v) ? (v as T) : fallback);
const validDay = (v: string) => (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : '');

/** Reads the filters from query parameters; anything malformed is ignored, never an error. */
export function parseFilters(params: Params): ReviewFilters {
  const id = (name: string) => {
    const v = param(params, name);
    return ID.test(v) ? v : '';
  };
  return {
    behaviour: id('behaviour'),
    aspect: id('aspect'),
    pair: id('pair'),
    caseId: id('case'),
    from: validDay(param(params, 'from')),
    to: validDay(param(params, 'to')),
    unclear: ['1', 'on', 'true'].includes(param(params, 'unclear')),
    status: oneOf(REVIEW_STATUS_FILTERS, param(params, 'status'), ''),
    q: param(params, 'q').slice(0, 200),
    sort: oneOf(REVIEW_SORTS, param(params, 'sort'), 'frequency'),
  };
}

/** The filters as query parameters (only those set), for links and exports. */
export function filterQuery(f: ReviewFilters): URLSearchParams {
  const q = new URLSearchParams();
  const set = (name: string, v: string) => v && q.set(name, v);
  set('behaviour', f.behaviour);
  set('aspect', f.aspect);
  set('pair', f.pair);
  set('case', f.caseId);
  set('from', f.from);
  set('to', f.to);
  if (f.unclear) q.set('unclear', '1');
  set('status', f.status);
  set('q', f.q);
  if (f.sort !== 'frequency') q.set('sort', f.sort);
  return q;
}

/** Lower case without accents, so "reünie" matches "reunie" and "Grap" matches "grap". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The text full-text search looks in: the rationale and every comment on the cell. */
export function searchableText(d: Disagreement): string {
  return foldText([d.rationale, ...d.comments.map((c) => c.text), ...d.reviewComments.map((c) => c.text)].join('\n'));
}

/** Every word of the query must occur (in any order). */
export function matchesSearch(d: Disagreement, q: string): boolean {
  const words = foldText(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(d);
  return words.every((w) => text.includes(w));
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const DAY_MS = 24 * 60 * 60 * 1000;

export function applyFilters(items: readonly Disagreement[], f: ReviewFilters): Disagreement[] {
  return items.filter((d) => {
    if (f.behaviour && d.behaviour.key !== f.behaviour) return false;
    if (f.aspect && d.behaviour.aspectKey !== f.aspect) return false;
    if (f.pair && pairKey(d.coders) !== f.pair) return false;
    if (f.caseId && d.caseId !== f.caseId) return false;
    if (f.unclear && d.unclear.length === 0) return false;
    if (f.status === 'settled' && d.status !== 'settled') return false;
    if (f.status === 'unsettled' && d.status === 'settled') return false;
    if (f.from && (d.date === null || d.date < dayStart(f.from))) return false;
    if (f.to && (d.date === null || d.date >= dayStart(f.to) + DAY_MS)) return false;
    return matchesSearch(d, f.q);
  });
}

/** How many disagreements each behaviour caused. */
export function disagreementCounts(items: readonly Disagreement[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of items) counts.set(d.behaviour.key, (counts.get(d.behaviour.key) ?? 0) + 1);
  return counts;
}

const bySessionCell = (a: Disagreement, b: Disagreement) =>
  a.caseNumber.localeCompare(b.caseNumber) || a.sessionLabel.localeCompare(b.sessionLabel) || a.behaviour.code.localeCompare(b.behaviour.code) || a.interval - b.interval;

/**
 * `frequency`: behaviours that cause the most disagreements first (counted over `items`),
 * each behaviour's cells together; `recent`: newest first; `session`: by case, session, cell.
 */
export function sortDisagreements(items: readonly Disagreement[], sort: ReviewSort): Disagreement[] {
  const list = [...items];
  if (sort === 'session') return list.sort(bySessionCell);
  if (sort === 'recent') return list.sort((a, b) => (b.date ?? 0) - (a.date ?? 0) || bySessionCell(a, b));
  const counts = disagreementCounts(list);
  return list.sort((a, b) => counts.get(b.behaviour.key)! - counts.get(a.behaviour.key)! || a.behaviour.code.localeCompare(b.behaviour.code) || bySessionCell(a, b));
}

export interface BehaviourSummary {
  behaviour: ReviewBehaviour;
  disagreements: number;
  settled: number;
  unclear: number;
  sessions: number;
  /** Median time to settle (ms) over the cells where it is known. */
  medianSettleMs: number | null;
}

/** Per behaviour, most disagreements first. */
export function summarizeBehaviours(items: readonly Disagreement[]): BehaviourSummary[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of items) groups.set(d.behaviour.key, [...(groups.get(d.behaviour.key) ?? []), d]);
  return [...groups.values()]
    .map((list) => {
      const times = list.map((d) => d.settleMs).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
      const mid = times.length >> 1;
      return {
        behaviour: list[0]!.behaviour,
        disagreements: list.length,
        settled: list.filter((d) => d.status === 'settled').length,
        unclear: list.filter((d) => d.unclear.length > 0).length,
        sessions: new Set(list.map((d) => d.sessionId)).size,
        medianSettleMs: times.length === 0 ? null : times.length % 2 ? times[mid]! : Math.round((times[mid - 1]! + times[mid]!) / 2),
      };
    })
    .sort((a, b) => b.disagreements - a.disagreements || a.behaviour.code.localeCompare(b.behaviour.code));
}

export interface FilterOptions {
  behaviours: { value: string; label: string }[];
  aspects: { value: string; label: string }[];
  pairs: { value: string; label: string }[];
  cases: { value: string; label: string }[];
}

/** The choices of the filter form: what occurs among the disagreements. */
export function filterOptions(items: readonly Disagreement[], locale: Locale): FilterOptions {
  const unique = (entries: [string, string][]) => [...new Map(entries)].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  return {
    behaviours: unique(items.map((d) => [d.behaviour.key, `${d.behaviour.code} ${localized(d.behaviour.label, locale)}`])),
    aspects: unique(items.map((d) => [d.behaviour.aspectKey, localized(d.behaviour.aspect, locale)])),
    pairs: unique(items.map((d) => [pairKey(d.coders), pairLabel(d.coders)])),
    cases: unique(items.map((d) => [d.caseId, d.caseNumber])),
  };
}
