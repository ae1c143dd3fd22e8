import type { CalibrationCriteria } from '@/lib/calibration/figures';
import type { CalibrationStatus, TrendPoint } from '@/lib/calibration/report';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { criteriaSentence, statisticName, statisticText } from './format';
import { Scroll } from './Scroll';
import { Trend } from './Trend';
import styles from './calibration.module.css';

/** Why a round did not pass: marks below the threshold, ratings outside the tolerance, or both. */
export function verdict(t: Translate, pass: { marks: boolean | null; ratings: boolean | null; overall: boolean }) {
  if (pass.overall) return <span className={styles.pass}>{t('calibration.pass')}</span>;
  const reasons = [pass.marks !== true ? t('calibration.marksBelow') : '', pass.ratings === false ? t('calibration.ratingsOutside') : ''].filter(Boolean);
  return (
    <>
      <span className={styles.fail}>{t('calibration.fail')}</span>
      {reasons.length > 0 && <small className={styles.reason}>{reasons.join('; ')}</small>}
    </>
  );
}

/** Who took revealed rounds, their latest figure against the criteria, and their trend. */
export function StatusSection({
  t,
  locale,
  criteria,
  statuses,
  trends,
  names,
}: {
  t: Translate;
  locale: Locale;
  criteria: CalibrationCriteria;
  statuses: Map<string, CalibrationStatus>;
  trends: Map<string, TrendPoint[]>;
  names: Map<string, string>;
}) {
  const rows = [...statuses].filter(([, s]) => s.latest).sort(([a], [b]) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
  const stat = statisticName(t, criteria.statistic);
  return (
    <section aria-labelledby="status">
      <h2 id="status">{t('calibration.statusTitle')}</h2>
      <p className="hint">{criteriaSentence(t, criteria, locale)}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('calibration.noStatus')}</p>
      ) : (
        <Scroll label={t('calibration.scrollable', { table: t('calibration.statusTitle') })}>
          <table className={`data ${styles.table}`}>
            <caption className="visually-hidden">{t('calibration.statusTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('calibration.latestRound')}</th>
                <th scope="col" className={styles.num}>
                  {t('calibration.statisticWithCi', { statistic: stat })}
                </th>
                <th scope="col" className={styles.num}>
                  {t('calibration.ratingsWithin')}
                </th>
                <th scope="col">{t('calibration.result')}</th>
                <th scope="col">{t('calibration.trend')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([userId, status]) => {
                const latest = status.latest!;
                const f = latest.figures;
                const figure = statisticText(f.overall, criteria, locale);
                return (
                  <tr key={userId}>
                    <th scope="row">
                      {names.get(userId) ?? '—'}{' '}
                      {status.calibrated ? <span className="badge ok">{t('calibration.calibrated')}</span> : <span className="badge no">{t('calibration.notCalibrated')}</span>}
                    </th>
                    <td>{latest.label}</td>
                    <td className={styles.num} title={figure.title}>
                      {figure.text}
                    </td>
                    <td className={styles.num}>{f.ratingsWithin.total === 0 ? '—' : `${f.ratingsWithin.within}/${f.ratingsWithin.total}`}</td>
                    <td>{verdict(t, f.pass)}</td>
                    <td>
                      <Trend t={t} locale={locale} criteria={criteria} series={(trends.get(userId) ?? []).map((p) => p.figures.overall)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}
