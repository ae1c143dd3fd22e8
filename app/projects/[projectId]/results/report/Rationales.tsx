import type { Locale, Translate } from '@/lib/i18n/messages';
import { text, type VersionResults } from '@/lib/results';
import type { RationaleEntry } from '@/lib/results/load';
import { intervalHeading } from '@/lib/sessions/intervals';

/** The appendix: every written rationale of a settled mark, session by session. */
export function Rationales({ entries, version, t, locale }: { entries: RationaleEntry[]; version: VersionResults; t: Translate; locale: Locale }) {
  const sessions = new Map(version.sessions.map((s) => [`${s.caseNumber}\u0000${s.label}`, s]));
  return (
    <section aria-labelledby="report-appendix" className="report-appendix">
      <h3 id="report-appendix">{t('results.report.appendix')}</h3>
      {entries.length === 0 ? (
        <p className="empty">{t('results.report.noRationales')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('results.report.appendix')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.report.session')}</th>
              <th scope="col">{t('results.behaviour')}</th>
              <th scope="col">{t('results.report.interval')}</th>
              <th scope="col">{t('results.report.settled')}</th>
              <th scope="col">{t('results.report.rationale')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => {
              const b = version.behaviours[e.behaviour]!;
              const interval = sessions.get(`${e.caseNumber}\u0000${e.sessionLabel}`)?.intervals[e.interval];
              return (
                <tr key={i} className={b.polarity === 'negative' ? 'negative' : undefined}>
                  <td>
                    {e.caseNumber} · {e.sessionLabel}
                  </td>
                  <th scope="row">
                    <code>{b.code}</code> {text(b.label, locale)}
                  </th>
                  <td>
                    {e.interval + 1}
                    {interval && ` (${intervalHeading(interval)})`}
                  </td>
                  <td>{e.value}</td>
                  <td className="rationale">{e.rationale}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
