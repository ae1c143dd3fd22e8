import type { Locale, Translate } from '@/lib/i18n/messages';
import { cellDescription, columnLabel, footText, frequencyText, text, type ResultTable } from '@/lib/results';

/**
 * One aspect's results table: behaviours grouped by source (literature first), negatives
 * in italics, one column per case or session with k/N, the "shown" counts at the foot.
 * Each cell's title, and its text for screen readers, lists the intervals it came from.
 * Pure (no data access), so the report and the benchmark render it too.
 */
export function ResultsTable({ table, t, locale, by }: { table: ResultTable; t: Translate; locale: Locale; by: 'case' | 'session' }) {
  const aspect = text(table.aspect.label, locale);
  const span = table.columns.length + 1;
  return (
    <div className="results-table-wrap">
      <table className="data results-table">
        <caption>{t(by === 'case' ? 'results.captionCase' : 'results.captionSession', { aspect })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.behaviour')}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.id} className="num">
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        {table.groups.map(({ group, rows }) => (
          <tbody key={group.key}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={span}>
                {text(group.label, locale)}
              </th>
            </tr>
            {rows.map((row) => {
              const negative = row.behaviour.polarity === 'negative';
              return (
                <tr key={row.behaviour.key} className={negative ? 'negative' : undefined}>
                  <th scope="row">
                    <code>{row.behaviour.code}</code> {text(row.behaviour.label, locale)}
                    {negative && <span className="visually-hidden"> ({t('results.negative')})</span>}
                  </th>
                  {row.cells.map((cell, i) => {
                    const description = cellDescription(cell, t);
                    return (
                      <td key={table.columns[i]!.id} className={cell.k > 0 ? 'num seen' : 'num'} title={description}>
                        {frequencyText(cell)}
                        <span className="visually-hidden">; {description}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">{t('results.shown')}</th>
            {table.foot.map((f, i) => (
              <td key={table.columns[i]!.id} className="num">
                {footText(f, table.aspect, t)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
