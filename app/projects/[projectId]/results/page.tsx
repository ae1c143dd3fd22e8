import Link from 'next/link';
import { resultsQueryString, versionSummary, type ResultsFormat } from '@/lib/results';
import type { MessageKey } from '@/lib/i18n/messages';
import { AgreementSummary } from './AgreementSummary';
import { PendingList } from './PendingList';
import { ResultsBody } from './ResultsBody';
import { ResultsOptions } from './ResultsOptions';
import { VersionNote } from './VersionNote';
import { resultsView, type SearchParams } from './view';

const EXPORTS: [ResultsFormat, MessageKey][] = [
  ['xlsx', 'results.exportXlsx'],
  ['csv', 'results.exportCsv'],
  ['long', 'results.exportLong'],
  ['json', 'results.exportJson'],
];

export default async function ResultsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const view = await resultsView(projectId, await searchParams);
  const { t, project, results, query } = view;
  const base = `/projects/${project.id}/results`;
  if (!view.version) {
    return (
      <section aria-labelledby="results-title" className="results-page">
        <h2 id="results-title">{t('results.title')}</h2>
        <p className="empty">{t('results.empty')}</p>
        <PendingList pending={results.pending} t={t} />
      </section>
    );
  }
  const { version, columns, locale } = view;
  const summary = versionSummary(version);
  const qs = resultsQueryString(query);
  return (
    <div className="results-page">
      <h2>{t('results.title')}</h2>
      <p className="lead">{t('results.lead', { sessions: summary.sessions, cases: summary.cases, intervals: summary.intervals, codebook: version.codebookName, version: version.versionNumber })}</p>
      <VersionNote results={results} version={version} t={t} href={(n) => `${base}?version=${n}`} />
      <ResultsOptions query={query} columns={columns} sessions={version.sessions} t={t} />
      <nav className="results-exports" aria-label={t('results.downloads')}>
        <span className="muted">{t('results.downloads')}:</span>
        {EXPORTS.map(([format, label]) => (
          <a key={format} href={`/api/projects/${project.id}/results/export?${resultsQueryString(query, { format })}`} download className="button-link">
            {t(label)}
          </a>
        ))}
        <Link href={`${base}/report${qs ? `?${qs}` : ''}`} className="button-link primary">
          {t('results.openReport')}
        </Link>
      </nav>
      <p className="hint">{t('results.legend')}</p>
      <ResultsBody view={view} />
      <AgreementSummary stats={view.agreement} t={t} locale={locale} />
      <PendingList pending={results.pending} t={t} />
    </div>
  );
}
