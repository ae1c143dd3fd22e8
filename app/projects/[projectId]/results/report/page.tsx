import Link from 'next/link';
import { versionSummary } from '@/lib/results';
import { loadRationales } from '@/lib/results/load';
import { AgreementSummary } from '../AgreementSummary';
import { PendingList } from '../PendingList';
import { ResultsBody } from '../ResultsBody';
import { VersionNote } from '../VersionNote';
import { resultsView, type SearchParams } from '../view';
import { PrintButton } from '@/app/_components/PrintButton';
import { Rationales } from './Rationales';

/**
 * The printable report (print stylesheet in globals.css, "Results"): a title page with the
 * project, the codebook version and the cases, then the tables, charts and agreement, and
 * optionally an appendix of rationales. The browser's print to PDF makes the PDF.
 */
export default async function ResultsReportPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const view = await resultsView(projectId, await searchParams);
  const { t, project, query, results } = view;
  const back = `/projects/${project.id}/results`;
  if (!view.version) {
    return (
      <section aria-labelledby="report-title" className="results-report">
        <h2 id="report-title">{t('results.report.title')}</h2>
        <p className="empty">{t('results.empty')}</p>
        <Link href={back}>{t('results.report.back')}</Link>
      </section>
    );
  }
  const { version, locale, d } = view;
  const rationales = query.rationales ? await loadRationales(d, version) : null;
  const summary = versionSummary(version);
  const cases = [...new Set(version.sessions.map((s) => s.caseNumber))];
  const produced = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date());
  return (
    <article className="results-report" aria-labelledby="report-title">
      <div className="report-controls">
        <Link href={back}>{t('results.report.back')}</Link>
        <form method="get" className="report-form">
          {query.version && <input type="hidden" name="version" value={query.version} />}
          <input type="hidden" name="by" value={query.by} />
          {query.columns.length > 0 && <input type="hidden" name="cols" value={query.columns.join(',')} />}
          <input type="hidden" name="sort" value={query.sortColumn ? `col:${query.sortColumn}` : query.sort} />
          {query.heatmap && <input type="hidden" name="heatmap" value={query.heatmap} />}
          <label>
            <input type="checkbox" name="rationales" value="1" defaultChecked={query.rationales} /> {t('results.report.includeRationales')}
          </label>
          <button type="submit" className="secondary">
            {t('results.report.update')}
          </button>
        </form>
        <PrintButton label={t('results.report.print')} />
      </div>
      <section className="report-title-page">
        <h2 id="report-title">{t('results.report.title')}</h2>
        <dl className="facts">
          <dt>{t('results.report.project')}</dt>
          <dd>{project.name}</dd>
          <dt>{t('results.report.codebook')}</dt>
          <dd>
            {version.codebookName}, {t('codebook.version', { number: version.versionNumber })}
          </dd>
          <dt>{t('results.report.cases')}</dt>
          <dd>{cases.join(', ')}</dd>
          <dt>{t('results.report.sessions')}</dt>
          <dd>
            {version.sessions.map((s) => `${s.caseNumber} · ${s.label}`).join("; ")}
          </dd>
          <dt>{t('results.report.produced')}</dt>
          <dd>{produced}</dd>
        </dl>
        <p>{t('results.lead', { sessions: summary.sessions, cases: summary.cases, intervals: summary.intervals, codebook: version.codebookName, version: version.versionNumber })}</p>
        <VersionNote results={results} version={version} t={t} href={(n) => `${back}/report?version=${n}`} />
        <p className="hint">{t('results.legend')}</p>
      </section>
      <ResultsBody view={view} />
      <AgreementSummary stats={view.agreement} t={t} locale={locale} />
      <PendingList pending={results.pending} t={t} />
      {rationales && <Rationales entries={rationales} version={version} t={t} locale={locale} />}
    </article>
  );
}
