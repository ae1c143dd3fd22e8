/*
 * Small formatting helpers shared by the calibration pages: dates, the chosen statistic,
 * percentages, and how a trainee is named where the report hides names.
 */
import type { Coefficient } from '@/lib/agreement';
import { markStatistic, type AgreementWithGold, type CalibrationCriteria } from '@/lib/calibration/figures';
import type { CalibrationStatus, Participant } from '@/lib/calibration/report';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatCoefficient, formatNumber } from '@/lib/statistics/format';
import type { Badge } from '@/app/_components/Form';

export function formatDate(date: Date | null, locale: Locale): string {
  if (!date) return '—';
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }).format(date);
}

/** "0.70" in the reader's notation. */
export function formatShare(value: number, locale: Locale): string {
  return formatNumber(value, locale, 2);
}

/** A proportion as a whole percentage, "—" when undefined. */
export function formatPercent(c: Coefficient, locale: Locale): string {
  return c.estimate === null ? '—' : `${formatNumber(c.estimate * 100, locale, 0)}%`;
}


/** The short name of the project's statistic: "κ" or "AC1". */
export function statisticName(t: Translate, statistic: CalibrationCriteria['statistic']): string {
  return statistic === 'kappa' ? t('calibration.statKappaShort') : t('calibration.statAc1Short');
}

/** The chosen statistic of a comparison with gold, with its 95% interval. */
export function statisticText(f: AgreementWithGold, criteria: CalibrationCriteria, locale: Locale): { text: string; title?: string } {
  return formatCoefficient(markStatistic(f, criteria.statistic), locale);
}

/** The criteria in one sentence, e.g. "κ ≥ 0.70 against the gold standard; ratings …". */
export function criteriaSentence(t: Translate, criteria: CalibrationCriteria, locale: Locale): string {
  return t('calibration.criteriaSentence', {
    statistic: statisticName(t, criteria.statistic),
    threshold: formatShare(criteria.threshold, locale),
    share: formatNumber(criteria.ratingShare * 100, locale, 0),
    tolerance: criteria.ratingTolerance,
  });
}

/**
 * A round's participants with the name to show: the name where the report gives it, "You"
 * for the actor, otherwise "Trainee n". The numbers follow an order that has nothing to do
 * with names (the report lists participants alphabetically) and are the same for every
 * reader, so "Trainee 2" in the progress list and in the discussion is one person, and
 * neither a number nor a position says who it is. The actor comes first.
 */
export function namedParticipants(t: Translate, participants: readonly Participant[]): { participant: Participant; label: string; number: number }[] {
  const order = [...participants].sort((a, b) => (a.coderId < b.coderId ? -1 : a.coderId > b.coderId ? 1 : 0));
  const number = (p: Participant) => order.indexOf(p) + 1;
  const self = participants.filter((p) => p.self);
  const named = participants.filter((p) => !p.self && p.name !== null);
  const hidden = participants.filter((p) => !p.self && p.name === null).sort((a, b) => number(a) - number(b));
  return [
    ...self.map((p) => ({ participant: p, number: number(p), label: p.name ? t('calibration.youNamed', { name: p.name }) : t('calibration.you') })),
    ...named.map((p) => ({ participant: p, number: number(p), label: p.name! })),
    ...hidden.map((p) => ({ participant: p, number: number(p), label: t('calibration.traineeN', { n: number(p) }) })),
  ];
}

/** A member's calibration badge: calibrated, or not with the latest figure, or no round yet. */
export function statusBadge(t: Translate, locale: Locale, criteria: CalibrationCriteria, status: CalibrationStatus | undefined): Badge {
  if (!status?.latest) return { text: t('calibration.noRoundYet'), tone: 'info' };
  if (status.calibrated) return { text: t('calibration.calibrated'), tone: 'ok' };
  const figure = formatCoefficient(markStatistic(status.latest.figures.overall, criteria.statistic), locale, false).text;
  return { text: t('calibration.notCalibratedWith', { statistic: statisticName(t, criteria.statistic), value: figure }), tone: 'no' };
}

