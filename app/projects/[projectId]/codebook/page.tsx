import { behaviourLabel, countByPolarity, displayGroups, localized } from '@/lib/codebook/model';
import { latestCodebookVersion } from '@/lib/codebook/repository';
import { currentLocale, getT, requireProject } from '@/app/_server/context';

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'codebook.view');
  const [t, locale] = [await getT(), await currentLocale()];
  const version = await latestCodebookVersion(d, project.id);
  if (!version) return <p className="empty">{t('codebook.empty')}</p>;
  const { codebook } = version;
  return (
    <section aria-labelledby="codebook">
      <h2 id="codebook">
        {codebook.name} <small className="muted">{t('codebook.version', { number: version.number })}</small>
      </h2>
      {codebook.aspects.map((aspect) => {
        const counts = countByPolarity(aspect.groups.flatMap((g) => g.behaviours));
        return (
          <section key={aspect.key} aria-labelledby={`a-${aspect.key}`} className="codebook-aspect">
            <h3 id={`a-${aspect.key}`}>
              {localized(aspect.label, locale)}{' '}
              <small className="muted">{t('codebook.counts', { positive: counts.positive, negative: counts.negative })}</small>
            </h3>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('codebook.code')}</th>
                  <th scope="col">{t('codebook.behaviour')}</th>
                  <th scope="col">{t('codebook.definition')}</th>
                  <th scope="col">{t('codebook.shortcut')}</th>
                </tr>
              </thead>
              {displayGroups(aspect).map((group) => (
                <tbody key={group.key}>
                  <tr className="group-row">
                    <th scope="rowgroup" colSpan={4}>
                      {localized(group.label, locale)}
                    </th>
                  </tr>
                  {group.behaviours.map((b) => (
                    <tr key={b.key} className={b.polarity === 'negative' ? 'negative' : undefined}>
                      <td>
                        <code>{b.code}</code>
                      </td>
                      <td>
                        {behaviourLabel(b, locale)}
                        {b.polarity === 'negative' && <span className="visually-hidden"> ({t('codebook.negative')})</span>}
                      </td>
                      <td>{localized(b.definition, locale)}</td>
                      <td>{b.shortcut ? <kbd>{b.shortcut}</kbd> : ''}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </section>
        );
      })}
    </section>
  );
}
