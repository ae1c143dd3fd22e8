import Link from 'next/link';
import { CODEBOOK_FORMATS } from '@/lib/codebook/formats';
import { behaviourLabel, countByPolarity, displayGroups, localized } from '@/lib/codebook/model';
import { latestCodebookVersion } from '@/lib/codebook/repository';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { can } from '@/lib/policy/policy';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { GridPreview } from './GridPreview';
import { ImportForm } from './ImportForm';
import { codebookMessages } from './load-messages';

export default async function CodebookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, actor } = await requireProject(projectId, 'codebook.view');
  const [t, locale] = [await getT(), await currentLocale()];
  const version = await latestCodebookVersion(d, project.id);
  const base = `/projects/${project.id}/codebook`;
  const canEdit = can(actor, 'codebook.edit');
  const importForm = canEdit && <ImportForm projectId={project.id} messages={codebookMessages(t)} maxBytes={MAX_IMPORT_BYTES} />;
  // The import form keeps its place (and its result message) when an import fills an empty codebook.
  if (!version) {
    return (
      <>
        <div>
          <p className="empty">{t('codebook.empty')}</p>
          {canEdit && (
            <p className="codebook-actions">
              <Link href={`${base}/edit`} className="button-link primary">
                {t('codebook.create')}
              </Link>
            </p>
          )}
        </div>
        {importForm}
      </>
    );
  }
  const { codebook } = version;
  return (
    <>
      <section aria-labelledby="codebook">
        <h2 id="codebook">
          {codebook.name} <small className="muted">{t('codebook.version', { number: version.number })}</small>
        </h2>
        <nav className="codebook-actions" aria-label={t('codebook.actions')}>
          {canEdit && (
            <Link href={`${base}/edit`} className="button-link primary">
              {t('codebook.edit')}
            </Link>
          )}
          <Link href={`${base}/versions`} className="button-link">
            {t('codebook.versions')}
          </Link>
          <span className="export-links">
            <span className="muted">{t('codebook.export')}:</span>
            {CODEBOOK_FORMATS.map((format) => (
              <a key={format} href={`/api/projects/${project.id}/codebook/export?format=${format}`} download className="button-link">
                {t('codebook.exportAs', { format: format.toUpperCase() })}
              </a>
            ))}
          </span>
        </nav>
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
        <GridPreview codebook={codebook} locale={locale} tr={t} />
      </section>
      {importForm}
    </>
  );
}
