import { text } from '@/lib/results';
import { ChartFigure } from './charts/ChartFigure';
import { FrequencyChart } from './charts/FrequencyChart';
import { MAX_CHART_COLUMNS } from './charts/palette';
import { SessionHeatmap } from './charts/SessionHeatmap';
import { ShownChart } from './charts/ShownChart';
import { ResultsTable } from './ResultsTable';
import type { ResultsView } from './view';

/** Per aspect its table and charts, then the heatmap of one session: the page's and the report's body. */
export function ResultsBody({ view }: { view: ResultsView }) {
  const { t, locale, tables, query, version, heatmapSession } = view;
  const capped = tables[0] && tables[0].columns.length > MAX_CHART_COLUMNS ? t('results.chartCapped', { count: MAX_CHART_COLUMNS }) : undefined;
  const file = (name: string) => `results-v${version.versionNumber}-${name}`;
  return (
    <>
      {tables.map((table) => {
        const aspect = text(table.aspect.label, locale);
        const headingId = `results-aspect-${table.aspectIndex}`;
        return (
          <section key={table.aspect.key} aria-labelledby={headingId} className="results-aspect">
            <h3 id={headingId}>
              {aspect} <small className="muted">{t('results.aspectCounts', { positive: table.aspect.positive, negative: table.aspect.negative })}</small>
            </h3>
            <ResultsTable table={table} t={t} locale={locale} by={query.by} />
            <div className="results-charts">
              <ChartFigure id={`chart-frequency-${table.aspectIndex}`} title={t('results.chartFrequency', { aspect })} note={capped} fileName={file(`frequency-${table.aspectIndex + 1}`)} t={t}>
                <FrequencyChart id={`chart-frequency-${table.aspectIndex}`} table={table} t={t} locale={locale} />
              </ChartFigure>
              <ChartFigure id={`chart-shown-${table.aspectIndex}`} title={t('results.chartShown', { aspect })} note={capped} fileName={file(`shown-${table.aspectIndex + 1}`)} t={t}>
                <ShownChart id={`chart-shown-${table.aspectIndex}`} table={table} t={t} locale={locale} />
              </ChartFigure>
            </div>
          </section>
        );
      })}
      <section aria-labelledby="results-heatmap" className="results-aspect">
        <h3 id="results-heatmap">{t('results.chartHeatmap', { session: `${heatmapSession.caseNumber} · ${heatmapSession.label}` })}</h3>
        <ChartFigure id="chart-heatmap" title={t('results.chartHeatmapDesc')} fileName={file('heatmap')} t={t}>
          <SessionHeatmap id="chart-heatmap" version={version} session={heatmapSession} t={t} locale={locale} />
        </ChartFigure>
      </section>
    </>
  );
}
