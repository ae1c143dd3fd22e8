import type { Translate } from '@/lib/i18n/messages';
import { columnLabel, sortValue, type ResultColumn, type ResultSession, type ResultsQuery } from '@/lib/results';

/**
 * The view options as a plain GET form (works without JavaScript, fully keyboard
 * operable): columns per case or per session, the columns to compare side by side, the
 * order of the behaviours and the heatmap's session. The address keeps the choice.
 */
export function ResultsOptions({ query, columns, sessions, t }: { query: ResultsQuery; columns: ResultColumn[]; sessions: ResultSession[]; t: Translate }) {
  return (
    <form method="get" className="results-options card" aria-label={t('results.options')}>
      {query.version && <input type="hidden" name="version" value={query.version} />}
      <fieldset className="checks">
        <legend>{t('results.columnsBy')}</legend>
        <label>
          <input type="radio" name="by" value="case" defaultChecked={query.by === 'case'} /> {t('results.byCase')}
        </label>
        <label>
          <input type="radio" name="by" value="session" defaultChecked={query.by === 'session'} /> {t('results.bySession')}
        </label>
      </fieldset>
      <fieldset className="checks results-compare">
        <legend>{t('results.compare')}</legend>
        {columns.map((c) => (
          <label key={c.id}>
            <input type="checkbox" name="cols" value={c.id} defaultChecked={query.columns.includes(c.id)} /> {columnLabel(c)}
          </label>
        ))}
      </fieldset>
      <div className="results-option-row">
        <div className="field">
          <label htmlFor="results-sort">{t('results.sort')}</label>
          <select id="results-sort" name="sort" defaultValue={sortValue(query)}>
            <option value="codebook">{t('results.sortCodebook')}</option>
            <option value="frequency">{t('results.sortFrequency')}</option>
            {columns.map((c) => (
              <option key={c.id} value={`col:${c.id}`}>
                {t('results.sortFrequencyIn', { column: columnLabel(c) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="results-heatmap">{t('results.heatmapSession')}</label>
          <select id="results-heatmap" name="heatmap" defaultValue={query.heatmap ?? sessions[0]?.id}>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.caseNumber} · {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('results.apply')}
        </button>
      </div>
    </form>
  );
}
