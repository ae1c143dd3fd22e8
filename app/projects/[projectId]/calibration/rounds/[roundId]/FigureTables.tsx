import type { Coefficient } from '@/lib/agreement';
import type { AgreementWithGold, CalibrationCriteria, CalibrationFigures, TraineeFigures } from '@/lib/calibration/figures';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatCoefficient, formatNumber } from '@/lib/statistics/format';
import { formatPercent } from '../../format';
import { verdict } from '../../StatusSection';
import type { BehaviourInfo } from './BoardTable';
import { Scroll } from '../../Scroll';
import styles from '../../calibration.module.css';

function Coef({ c, interval = true, locale }: { c: Coefficient; interval?: boolean; locale: Locale }) {
  const f = formatCoefficient(c, locale, interval);
  return (
    <td className={styles.num} title={f.title}>
      {f.text}
    </td>
  );
}

const ratingsText = (f: TraineeFigures, locale: Locale) =>
  f.ratingsWithin.total === 0 ? '—' : `${f.ratingsWithin.within}/${f.ratingsWithin.total} (${formatNumber((f.ratingsWithin.share ?? 0) * 100, locale, 0)}%)`;

/** The group's agreement among the trainees (not with gold): overall and per behaviour, lowest first. */
export function GroupFigures({ t, locale, group, behaviours }: { t: Translate; locale: Locale; group: CalibrationFigures['group']; behaviours: Map<string, BehaviourInfo> }) {
  const rows = [...group.behaviours].sort((a, b) => (a.fleissKappa.estimate ?? 2) - (b.fleissKappa.estimate ?? 2));
  return (
    <section aria-labelledby="group">
      <h3 id="group">{t('calibration.groupTitle')}</h3>
      <p className="hint">{t('calibration.groupHelp', { count: group.trainees })}</p>
      <Scroll label={t('calibration.scrollable', { table: t('calibration.groupCaption') })}>
        <table className={`data ${styles.dense}`}>
          <caption>{t('calibration.groupCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.unit')}</th>
              <th scope="col" className={styles.num}>
                {t('calibration.fleiss')}
              </th>
              <th scope="col" className={styles.num}>
                {t('calibration.alpha')}
              </th>
              <th scope="col" className={styles.num}>
                {t('stats.percent')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <strong>{t('stats.overall')}</strong>
              </th>
              <Coef c={group.overall.fleissKappa} locale={locale} />
              <Coef c={group.overall.krippendorffAlpha} locale={locale} />
              <td className={styles.num}>—</td>
            </tr>
            {rows.map((r) => {
              const b = behaviours.get(r.behaviourKey);
              return (
                <tr key={r.behaviourKey} className={b?.negative ? styles.negative : undefined}>
                  <th scope="row">
                    <code>{b?.code}</code>{' '}
                    {b?.label}
                  </th>
                  <Coef c={r.fleissKappa} locale={locale} />
                  <Coef c={r.krippendorffAlpha} locale={locale} />
                  <td className={styles.num}>{formatPercent(r.percentAgreement, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

/** Every trainee's agreement with gold, for those who may see everyone. */
export function TraineeTable({ t, locale, trainees, names }: { t: Translate; locale: Locale; trainees: TraineeFigures[]; names: Map<string, string> }) {
  return (
    <section aria-labelledby="trainees">
      <h3 id="trainees">{t('calibration.traineesTitle')}</h3>
      {trainees.length === 0 ? (
        <p className="empty">{t('calibration.noSubmissions')}</p>
      ) : (
        <Scroll label={t('calibration.scrollable', { table: t('calibration.traineesTitle') })}>
          <table className={`data ${styles.table}`}>
            <caption className="visually-hidden">{t('calibration.traineesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calibration.trainee')}</th>
                <th scope="col" className={styles.num}>
                  {t('stats.percent')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('stats.kappa')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('stats.ac1')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('calibration.over')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('calibration.under')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('calibration.ratingsWithin')}
                </th>
                <th scope="col">{t('calibration.result')}</th>
              </tr>
            </thead>
            <tbody>
              {trainees.map((f) => (
                <tr key={f.traineeId}>
                  <th scope="row">{names.get(f.traineeId) ?? '—'}</th>
                  <td className={styles.num}>{formatPercent(f.overall.percentAgreement, locale)}</td>
                  <Coef c={f.overall.cohenKappa} locale={locale} />
                  <Coef c={f.overall.gwetAc1} locale={locale} />
                  <td className={styles.num}>{f.overall.over}</td>
                  <td className={styles.num}>{f.overall.under}</td>
                  <td className={styles.num}>{ratingsText(f, locale)}</td>
                  <td>{verdict(t, f.pass)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

function AgreementRow({ label, f, locale, negative }: { label: React.ReactNode; f: AgreementWithGold; locale: Locale; negative?: boolean }) {
  return (
    <tr className={negative ? styles.negative : undefined}>
      <th scope="row">{label}</th>
      <td className={styles.num}>{f.both}</td>
      <td className={styles.num}>{f.over}</td>
      <td className={styles.num}>{f.under}</td>
      <td className={styles.num}>{formatPercent(f.percentAgreement, locale)}</td>
      <Coef c={f.cohenKappa} locale={locale} />
      <Coef c={f.gwetAc1} locale={locale} />
    </tr>
  );
}

function AgreementHead({ t, first }: { t: Translate; first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className={styles.num}>
          {t('calibration.both')}
        </th>
        <th scope="col" className={styles.num}>
          {t('calibration.over')}
        </th>
        <th scope="col" className={styles.num}>
          {t('calibration.under')}
        </th>
        <th scope="col" className={styles.num}>
          {t('stats.percent')}
        </th>
        <th scope="col" className={styles.num}>
          {t('stats.kappa')}
        </th>
        <th scope="col" className={styles.num}>
          {t('stats.ac1')}
        </th>
      </tr>
    </thead>
  );
}

/** The reader's own agreement with gold: overall, per aspect, per behaviour, ratings. */
export function OwnFigures({
  t,
  locale,
  figures,
  criteria,
  behaviours,
  aspects,
  scales,
  gold,
}: {
  t: Translate;
  locale: Locale;
  figures: TraineeFigures;
  criteria: CalibrationCriteria;
  behaviours: Map<string, BehaviourInfo>;
  aspects: Map<string, string>;
  scales: Map<string, string>;
  gold: boolean;
}) {
  const o = figures.overall;
  return (
    <section aria-labelledby="own">
      <h3 id="own">{t('calibration.ownTitle')}</h3>
      <dl className={styles.facts}>
        <dt>{t('stats.percent')}</dt>
        <dd>{formatPercent(o.percentAgreement, locale)}</dd>
        <dt>{t('stats.kappa')}</dt>
        <dd>{formatCoefficient(o.cohenKappa, locale).text}</dd>
        <dt>{t('stats.ac1')}</dt>
        <dd>{formatCoefficient(o.gwetAc1, locale).text}</dd>
        <dt>{t('calibration.marks')}</dt>
        <dd>{t('calibration.marksSummary', { both: o.both, over: o.over, under: o.under })}</dd>
        <dt>{t('calibration.ratingsWithin')}</dt>
        <dd>{ratingsText(figures, locale)}</dd>
        <dt>{t('calibration.result')}</dt>
        <dd>
          {verdict(t, figures.pass)} <span className="hint">({t('calibration.thresholdIs', { threshold: formatNumber(criteria.threshold, locale) })})</span>
        </dd>
      </dl>
      <Scroll label={t('calibration.scrollable', { table: t('calibration.perAspect') })}>
        <table className={`data ${styles.table}`}>
          <caption>{t('calibration.perAspect')}</caption>
          <AgreementHead t={t} first={t('calibration.aspect')} />
          <tbody>
            {figures.aspects.map((a) => (
              <AgreementRow key={a.aspectKey} label={aspects.get(a.aspectKey) ?? a.aspectKey} f={a.figures} locale={locale} />
            ))}
          </tbody>
        </table>
      </Scroll>
      {figures.behaviours.length === 0 ? (
        <p className="hint">{t('calibration.perBehaviourHidden')}</p>
      ) : (
        <details>
          <summary>{t('calibration.perBehaviour')}</summary>
          <Scroll label={t('calibration.scrollable', { table: t('calibration.perBehaviourCaption') })}>
            <table className={`data ${styles.dense}`}>
              <caption>{t('calibration.perBehaviourCaption')}</caption>
              <AgreementHead t={t} first={t('codebook.behaviour')} />
              <tbody>
                {figures.behaviours.map((b) => {
                  const info = behaviours.get(b.behaviourKey);
                  return (
                    <AgreementRow
                      key={b.behaviourKey}
                      negative={info?.negative}
                      label={
                        <>
                          <code>{info?.code}</code>{' '}
                          {info?.label}
                        </>
                      }
                      f={b.figures}
                      locale={locale}
                    />
                  );
                })}
              </tbody>
            </table>
          </Scroll>
        </details>
      )}
      {figures.ratings.length > 0 && (
        <table className={`data ${styles.table}`}>
          <caption>{t('calibration.ratings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.scale')}</th>
              <th scope="col" className={styles.num}>
                {t('calibration.yourRating')}
              </th>
              {gold && (
                <th scope="col" className={styles.num}>
                  {t('calibration.goldRating')}
                </th>
              )}
              <th scope="col">{t('calibration.withinTolerance', { tolerance: criteria.ratingTolerance })}</th>
            </tr>
          </thead>
          <tbody>
            {figures.ratings.map((r) => (
              <tr key={r.scaleKey}>
                <th scope="row">{scales.get(r.scaleKey) ?? r.scaleKey}</th>
                <td className={styles.num}>{r.trainee ?? '—'}</td>
                {gold && <td className={styles.num}>{r.gold ?? '—'}</td>}
                <td>{r.within === null ? '—' : r.within ? t('calibration.yes') : t('calibration.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
