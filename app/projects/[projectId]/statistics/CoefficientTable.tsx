import Link from 'next/link';
import type { LevelAgreement } from '@/lib/agreement';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatCoefficient, formatNumber } from '@/lib/statistics/format';
import { showsKappaParadox } from '@/lib/statistics/project-statistics';

export interface CoefficientRow {
  key: string;
  label: string;
  /** Where this unit's rationales can be read, for those who may. */
  href?: string;
  negative?: boolean;
  level: LevelAgreement;
}

/** One row per unit of a level: agreement before reconciliation, with 95% intervals. */
export function CoefficientTable({ t, locale, caption, rows }: { t: Translate; locale: Locale; caption: string; rows: CoefficientRow[] }) {
  const cell = (c: Parameters<typeof formatCoefficient>[0], interval = true) => {
    const f = formatCoefficient(c, locale, interval);
    return <td title={f.title}>{f.text}</td>;
  };
  return (
    <table className="data stats">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.unit')}</th>
          <th scope="col">{t('stats.n')}</th>
          <th scope="col">{t('stats.percent')}</th>
          <th scope="col">{t('stats.occurrence')}</th>
          <th scope="col">{t('stats.nonOccurrence')}</th>
          <th scope="col">{t('stats.kappa')}</th>
          <th scope="col">{t('stats.pabak')}</th>
          <th scope="col">{t('stats.ac1')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const a = r.level.independent;
          return (
            <tr key={r.key} className={r.negative ? 'negative' : undefined}>
              <th scope="row">
                {r.href ? <Link href={r.href}>{r.label}</Link> : r.label}
                {showsKappaParadox(a) && (
                  <span className="paradox" title={t('stats.paradoxShort')}>
                    {' '}
                    ⚑<span className="visually-hidden">{t('stats.paradoxShort')}</span>
                  </span>
                )}
              </th>
              <td>{formatNumber(a.n, locale, 0)}</td>
              {cell(a.percentAgreement, false)}
              {cell(a.occurrenceAgreement, false)}
              {cell(a.nonOccurrenceAgreement, false)}
              {cell(a.cohenKappa)}
              {cell(a.pabak, false)}
              {cell(a.gwetAc1)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
