import type { LevelAgreement } from '@/lib/agreement';
import type { Locale, Translate } from '@/lib/i18n/messages';
import { formatCoefficient, formatNumber } from '@/lib/statistics/format';
import type { ProjectStatistics } from '@/lib/statistics/project-statistics';

/** Pre-reconciliation agreement per aspect (kappa and AC1 with 95% intervals), for the method section. */
export function AgreementSummary({ stats, t, locale }: { stats: ProjectStatistics | null; t: Translate; locale: Locale }) {
  const rows: { key: string; label: string; level: LevelAgreement }[] = stats
    ? [{ key: 'overall', label: t('stats.overall'), level: stats.report.overall }, ...stats.aspects.map((a, i) => ({ key: `a${i}`, label: a, level: stats.report.byAspect[i]! }))]
    : [];
  return (
    <section aria-labelledby="results-agreement" className="results-agreement">
      <h3 id="results-agreement">{t('results.agreement')}</h3>
      {!stats ? (
        <p className="empty">{t('results.agreementNone')}</p>
      ) : (
        <>
          <p className="hint">
            {t('results.agreementHint')} {t('stats.design', { sessions: stats.report.design.sessions, intervals: stats.report.design.intervals, cells: formatNumber(stats.report.design.cells, locale, 0), version: stats.versionNumber })}
          </p>
          <table className="data stats results-agreement-table">
            <caption>{t('results.agreement')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.unit')}</th>
                <th scope="col">{t('stats.n')}</th>
                <th scope="col">{t('stats.kappa')}</th>
                <th scope="col">{t('stats.ac1')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const kappa = formatCoefficient(r.level.independent.cohenKappa, locale);
                const ac1 = formatCoefficient(r.level.independent.gwetAc1, locale);
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{formatNumber(r.level.independent.n, locale, 0)}</td>
                    <td title={kappa.title}>{kappa.text}</td>
                    <td title={ac1.title}>{ac1.text}</td>
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
