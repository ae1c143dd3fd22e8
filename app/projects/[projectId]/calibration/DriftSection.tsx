import { DEFAULT_DRIFT_WINDOW } from '@/lib/calibration/drift';
import type { DriftReport } from '@/lib/calibration/report';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatNumber } from '@/lib/statistics/format';
import { formatDate, formatPercent, statisticName, statisticText } from './format';
import { Trend } from './Trend';
import styles from './calibration.module.css';

/**
 * Research coders' agreement over time, with partners and with gold, and the recent mean
 * against the project's threshold. `own`: the reader sees only themself.
 */
export function DriftSection({ t, locale, drift, own }: { t: Translate; locale: Locale; drift: DriftReport; own: boolean }) {
  const { criteria } = drift;
  const stat = statisticName(t, criteria.statistic);
  const threshold = formatNumber(criteria.threshold, locale);
  return (
    <section aria-labelledby="drift">
      <h2 id="drift">{own ? t('calibration.myDrift') : t('calibration.drift')}</h2>
      <p className="hint">{t('calibration.driftHelp', { statistic: stat, window: DEFAULT_DRIFT_WINDOW, threshold })}</p>
      {drift.coders.length === 0 ? (
        <p className="empty">{t('calibration.noDrift')}</p>
      ) : (
        <>
          <table className={`data ${styles.table}`}>
            <caption className="visually-hidden">{own ? t('calibration.myDrift') : t('calibration.drift')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calibration.coder')}</th>
                <th scope="col" className={styles.num}>
                  {t('calibration.observations')}
                </th>
                <th scope="col">{t('calibration.trend')}</th>
                <th scope="col" className={styles.num}>
                  {t('calibration.recentMean', { statistic: stat })}
                </th>
                <th scope="col">{t('calibration.driftStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {drift.coders.map((c) => (
                <tr key={c.coderId}>
                  <th scope="row">{c.name}</th>
                  <td className={styles.num}>{c.observations.length}</td>
                  <td>
                    <Trend t={t} locale={locale} criteria={criteria} series={c.observations.map((o) => o.figures)} />
                  </td>
                  <td className={styles.num}>{c.recent === null ? '—' : formatNumber(c.recent, locale)}</td>
                  <td>{c.below ? <strong className={styles.below}>{t('calibration.belowThreshold', { threshold })}</strong> : c.recent === null ? '—' : t('calibration.atThreshold')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {drift.coders.map((c) => (
            <details key={c.coderId}>
              <summary>{t('calibration.observationsOf', { name: c.name })}</summary>
              <table className={`data ${styles.dense}`}>
                <caption className="visually-hidden">{t('calibration.observationsOf', { name: c.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calibration.date')}</th>
                    <th scope="col">{t('calibration.compared')}</th>
                    <th scope="col">{t('calibration.against')}</th>
                    <th scope="col" className={styles.num}>
                      {t('stats.percent')}
                    </th>
                    <th scope="col" className={styles.num}>
                      {t('calibration.statisticWithCi', { statistic: stat })}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.observations.map((o, i) => {
                    const figure = statisticText(o.figures, criteria, locale);
                    return (
                      <tr key={`${o.sessionId}-${i}`}>
                        <td>{formatDate(o.at, locale)}</td>
                        <th scope="row">{o.label}</th>
                        <td>{o.kind === 'gold' ? t('calibration.againstGold') : t('calibration.againstPartner')}</td>
                        <td className={styles.num}>{formatPercent(o.figures.percentAgreement, locale)}</td>
                        <td className={styles.num} title={figure.title}>
                          {figure.text}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
