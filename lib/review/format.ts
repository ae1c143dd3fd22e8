/*
 * How a disagreement reads as text, the same on the desk, the printable page and in exports.
 */
import { localized, type Locale } from '@/lib/codebook/model';
import type { Translate } from '@/lib/i18n/messages';
import type { Disagreement, DisagreementStatus, ReopenRequest, ReviewCoder } from './model';

/** "4 min", "1 h 05 min", "< 1 min"; "—" when unknown. */
export function formatDuration(ms: number | null, t: Translate): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return t('review.lessThanMinute');
  if (minutes < 60) return t('review.minutes', { n: minutes });
  return t('review.hoursMinutes', { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') });
}

/** "2024-05-01" (UTC) or "—". */
export function formatDay(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toISOString().slice(0, 10);
}

export function statusText(status: DisagreementStatus, t: Translate): string {
  return t(`review.status.${status}`);
}

/** "Anna 1 · Bram 0". */
export function marksText(d: Disagreement): string {
  return d.coders.map((c, i) => `${c.name} ${d.marks[i]}`).join(' · ');
}

export const names = (coders: readonly ReviewCoder[]) => coders.map((c) => c.name).join(', ');

/** "Bram moved (followed Anna)"; for an unsettled cell, nothing. */
export function movedText(d: Disagreement, t: Translate): string {
  if (d.value === null) return '';
  const followed = d.coders.filter((c) => !d.moved.some((m) => m.id === c.id));
  return t('review.movedText', { moved: names(d.moved), followed: names(followed) });
}

export function settledText(d: Disagreement, t: Translate): string {
  return d.value === null ? statusText(d.status, t) : String(d.value);
}

export function behaviourText(d: Disagreement, locale: Locale): string {
  return `${d.behaviour.code} ${localized(d.behaviour.label, locale)}`;
}

/** Every comment of the cell's thread as "Name: text", one per line. */
export function threadText(d: Disagreement): string {
  return d.comments.map((c) => `${c.name}: ${c.text}`).join('\n');
}

export function reviewCommentsText(d: Disagreement): string {
  return d.reviewComments.map((c) => `${c.authorName}: ${c.text}`).join('\n');
}

/** A reopen request's state: "Reopened: waiting for a new mark", "Re-settled: was 0, now 1", … */
export function reopenStatusText(r: ReopenRequest, t: Translate): string {
  if (r.status === 'accepted') return t('review.reopenAcceptedNote');
  if (r.status === 'resettled') return t('review.resettledText', { from: r.resettledFrom ?? '—', to: r.resettleValue ?? '—' });
  return t(`review.reopen.${r.status}`);
}

/** The latest reopen request's state, if any. */
export function reopenText(d: Disagreement, t: Translate): string {
  const last = d.reopenRequests[d.reopenRequests.length - 1];
  return last ? reopenStatusText(last, t) : '';
}
