import Link from 'next/link';
import { localized } from '@/lib/codebook/model';
import { filterOptions, filterQuery, summarizeBehaviours } from '@/lib/review/filters';
import { formatDuration } from '@/lib/review/format';
import { CellNotes, Marks, Settled, SettleTime, cellHref } from './DisagreementParts';
import { FilterForm } from './FilterForm';
import { loadDesk, type SearchParams } from './load';

/** Rows rendered at most; the exports carry all of them. */
const MAX_ROWS = 400;

export default async function ReviewDeskPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const { t, locale, data, filters, shown, base } = await loadDesk(projectId, await searchParams);
  const query = filterQuery(filters).toString();
  const withQuery = (path: string, extra = '') => `${path}?${[extra, query].filter(Boolean).join('&')}`;
  const summary = summarizeBehaviours(shown);
  return (
    <section aria-labelledby="review-title" className="review-desk">
      <h2 id="review-title">{t('review.title')}</h2>
      <p className="lead">{t('review.lead', { disagreements: data.items.length, sessions: data.sessions })}</p>
      {data.items.length === 0 ? (
        <p className="empty">{t('review.empty')}</p>
      ) : (
        <>
          <FilterForm t={t} filters={filters} options={filterOptions(data.items, locale)} action={`${base}/review`} />
          <p className="review-exports">
            <span>{t('review.export')}</span>
            <a className="button-link" href={withQuery(`/api/projects/${projectId}/review/export`, 'format=csv')}>
              CSV
            </a>
            <a className="button-link" href={withQuery(`/api/projects/${projectId}/review/export`, 'format=xlsx')}>
              XLSX
            </a>
            <Link className="button-link" href={withQuery(`${base}/review/print`)}>
              {t('review.printable')}
            </Link>
          </p>
          <p role="status" className="review-count">
            {t('review.shown', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <p className="empty">{t('review.noMatch')}</p>
          ) : (
            <>
              <table className="data review-summary">
                <caption>{t('review.byBehaviour')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.col.behaviour')}</th>
                    <th scope="col">{t('review.col.aspect')}</th>
                    <th scope="col">{t('review.col.disagreements')}</th>
                    <th scope="col">{t('review.col.settledCount')}</th>
                    <th scope="col">{t('review.col.unclear')}</th>
                    <th scope="col">{t('review.col.medianTime')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.map((s) => (
                    <tr key={s.behaviour.key} className={s.behaviour.polarity === 'negative' ? 'negative' : undefined}>
                      <th scope="row">
                        <Link href={`${base}/review/behaviours/${encodeURIComponent(s.behaviour.key)}`}>
                          {s.behaviour.code} {localized(s.behaviour.label, locale)}
                        </Link>
                      </th>
                      <td>{localized(s.behaviour.aspect, locale)}</td>
                      <td>{s.disagreements}</td>
                      <td>{s.settled}</td>
                      <td>{s.unclear}</td>
                      <td>{formatDuration(s.medianSettleMs, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="data review-table">
                <caption>{t('review.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.col.session')}</th>
                    <th scope="col">{t('review.col.behaviour')}</th>
                    <th scope="col">{t('review.col.interval')}</th>
                    <th scope="col">{t('review.col.marks')}</th>
                    <th scope="col">{t('review.col.settled')}</th>
                    <th scope="col">{t('review.col.time')}</th>
                    <th scope="col">{t('review.col.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.slice(0, MAX_ROWS).map((d) => (
                    <tr key={d.id} className={d.behaviour.polarity === 'negative' ? 'negative' : undefined}>
                      <td>
                        <Link href={`${base}/sessions/${d.sessionId}`}>
                          {d.caseNumber} · {d.sessionLabel}
                        </Link>
                      </td>
                      <td className="behaviour">
                        <Link href={`${base}/review/behaviours/${encodeURIComponent(d.behaviour.key)}`}>
                          {d.behaviour.code} {localized(d.behaviour.label, locale)}
                        </Link>
                      </td>
                      <td>
                        <Link href={cellHref(base, d)} aria-label={t('review.cellDetails', { behaviour: d.behaviour.code, interval: d.intervalHeading, session: d.sessionLabel })}>
                          {d.intervalHeading}
                        </Link>
                      </td>
                      <td>
                        <Marks d={d} />
                      </td>
                      <td>
                        <Settled d={d} t={t} />
                      </td>
                      <td>
                        <SettleTime d={d} t={t} />
                      </td>
                      <td>
                        <CellNotes d={d} t={t} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length > MAX_ROWS && <p className="muted">{t('review.truncated', { shown: MAX_ROWS, count: shown.length })}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}
