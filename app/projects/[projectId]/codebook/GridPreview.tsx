/*
 * The tally grid a codebook produces, empty: one table per aspect, behaviours grouped by
 * source (literature first, then the instrument's dimensions), negatives in italics, one
 * column per interval of a 50-minute session cut into 5-minute intervals. No hooks, so the
 * codebook page (server) and the editor (client) render the same thing.
 */
import { countByPolarity, aspectBehaviours, behaviourLabel, displayGroups, localized, type Codebook, type Group, type Locale } from '@/lib/codebook/model';
import { intervalHeading, intervalsOf } from '@/lib/sessions/intervals';
import type { Tr } from './messages';

const PREVIEW_HEADINGS = intervalsOf(50 * 60, 5 * 60).map(intervalHeading);

function groupHeading(group: Group, locale: Locale, tr: Tr): string {
  const label = localized(group.label, locale);
  if (group.source === 'literature') return label;
  const instrument = group.instrument?.trim() || tr('codebook.sourceInstrument');
  return `${instrument}: ${label}`;
}

export function GridPreview({ codebook, locale, tr, id = 'grid-preview' }: { codebook: Codebook; locale: Locale; tr: Tr; id?: string }) {
  const columns = 2 + PREVIEW_HEADINGS.length;
  return (
    <section aria-labelledby={id} className="grid-preview">
      <h2 id={id}>{tr('codebook.preview')}</h2>
      <p className="hint">{tr('codebook.previewHint')}</p>
      {codebook.aspects.map((aspect) => {
        const counts = countByPolarity(aspectBehaviours(aspect));
        return (
          <div key={aspect.key} className="grid-preview-scroll" role="region" aria-label={localized(aspect.label, locale) || tr('codebookEditor.untitled')} tabIndex={0}>
            <table className="data tally-preview">
              <caption>
                {localized(aspect.label, locale) || tr('codebookEditor.untitled')}{' '}
                <small className="muted">{tr('codebook.counts', { positive: counts.positive, negative: counts.negative })}</small>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{tr('codebook.code')}</th>
                  <th scope="col">{tr('codebook.behaviour')}</th>
                  {PREVIEW_HEADINGS.map((h) => (
                    <th scope="col" key={h} className="interval">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              {displayGroups(aspect).map((group) => (
                <tbody key={group.key}>
                  <tr className="group-row">
                    <th scope="rowgroup" colSpan={columns}>
                      {groupHeading(group, locale, tr)}
                    </th>
                  </tr>
                  {group.behaviours.map((b) => (
                    <tr key={b.key} className={b.polarity === 'negative' ? 'negative' : undefined}>
                      <td>
                        <code>{b.code}</code>
                      </td>
                      <th scope="row">
                        {behaviourLabel(b, locale)}
                        {b.polarity === 'negative' && <span className="visually-hidden"> ({tr('codebook.negative')})</span>}
                      </th>
                      {PREVIEW_HEADINGS.map((h) => (
                        <td key={h} className="cell" />
                      ))}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        );
      })}
    </section>
  );
}
