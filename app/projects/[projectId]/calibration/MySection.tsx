import Link from 'next/link';
import type { CalibrationCriteria } from '@/lib/calibration/figures';
import type { TrendPoint } from '@/lib/calibration/report';
import type { Round } from '@/lib/calibration/rounds';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { criteriaSentence, formatDate, formatPercent, statisticName, statisticText } from './format';
import { verdict } from './StatusSection';
import { Trend } from './Trend';
import styles from './calibration.module.css';

/** A trainee's (or recalibrating coder's) rounds: what to do next in each. */
export function MyRounds({ t, locale, projectId, userId, rounds }: { t: Translate; locale: Locale; projectId: string; userId: string; rounds: Round[] }) {
  return (
    <section aria-labelledby="my-rounds">
      <h2 id="my-rounds">{t('calibration.myRounds')}</h2>
      {rounds.length === 0 ? (
        <p className="empty">{t('calibration.noMyRounds')}</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <caption className="visually-hidden">{t('calibration.myRounds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.round')}</th>
              <th scope="col">{t('calibration.deadline')}</th>
              <th scope="col">{t('calibration.yourStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {[...rounds].reverse().map((r) => {
              const submitted = r.trainees.find((a) => a.coderId === userId)?.submitted ?? false;
              const hidden = <span className="visually-hidden"> {r.session.label}</span>;
              return (
                <tr key={r.id}>
                  <th scope="row">{r.session.label}</th>
                  <td>{formatDate(r.deadline, locale)}</td>
                  <td>
                    {r.revealed ? (
                      <>
                        {submitted ? '' : `${t('calibration.revealedWithoutYou')} `}
                        <Link href={`/projects/${projectId}/calibration/rounds/${r.id}`}>
                          {t('calibration.seeResults')}
                          {hidden}
                        </Link>
                      </>
                    ) : submitted ? (
                      t('calibration.waitingForReveal')
                    ) : (
                      <Link className="button-link primary" href={`/projects/${projectId}/sessions/${r.session.id}/tally`}>
                        {t('tally.open')}
                        {hidden}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The actor's own figures across the revealed rounds they took. */
export function MyProgress({ t, locale, projectId, criteria, points, heading: Heading = 'h2' }: { t: Translate; locale: Locale; projectId: string; criteria: CalibrationCriteria; points: TrendPoint[]; heading?: 'h2' | 'h3' }) {
  const stat = statisticName(t, criteria.statistic);
  return (
    <section aria-labelledby="my-progress">
      <Heading id="my-progress">{t('calibration.myProgress')}</Heading>
      <p className="hint">{criteriaSentence(t, criteria, locale)}</p>
      {points.length === 0 ? (
        <p className="empty">{t('calibration.noProgress')}</p>
      ) : (
        <>
          <p>
            <Trend t={t} locale={locale} criteria={criteria} series={points.map((p) => p.figures.overall)} />
          </p>
          <table className={`data ${styles.table}`}>
            <caption className="visually-hidden">{t('calibration.myProgress')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calibration.round')}</th>
                <th scope="col">{t('calibration.date')}</th>
                <th scope="col" className={styles.num}>
                  {t('stats.percent')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('calibration.statisticWithCi', { statistic: stat })}
                </th>
                <th scope="col">{t('calibration.result')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => {
                const figure = statisticText(p.figures.overall, criteria, locale);
                return (
                  <tr key={p.roundId}>
                    <th scope="row">
                      <Link href={`/projects/${projectId}/calibration/rounds/${p.roundId}`}>{p.label}</Link>
                    </th>
                    <td>{formatDate(p.revealedAt, locale)}</td>
                    <td className={styles.num}>{formatPercent(p.figures.overall.percentAgreement, locale)}</td>
                    <td className={styles.num} title={figure.title}>
                      {figure.text}
                    </td>
                    <td>{verdict(t, p.figures.pass)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
