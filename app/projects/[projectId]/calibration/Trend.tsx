import { markStatistic, type AgreementWithGold, type CalibrationCriteria } from '@/lib/calibration/figures';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatNumber } from '@/lib/statistics/format';
import { statisticName } from './format';
import { Sparkline } from './Sparkline';

/** The chosen statistic over a series of comparisons (rounds, sessions), oldest first, as a sparkline. */
export function Trend({ t, locale, criteria, series }: { t: Translate; locale: Locale; criteria: CalibrationCriteria; series: AgreementWithGold[] }) {
  if (series.length === 0) return <>—</>;
  const values = series.map((f) => markStatistic(f, criteria.statistic).estimate);
  const label = t('calibration.trendLabel', {
    statistic: statisticName(t, criteria.statistic),
    count: values.length,
    values: values.map((v) => (v === null ? '—' : formatNumber(v, locale))).join(locale === 'nl' ? '; ' : ', '),
    threshold: formatNumber(criteria.threshold, locale),
  });
  return <Sparkline values={values} threshold={criteria.threshold} label={label} />;
}
