import Link from 'next/link';
import { diffCodebooks } from '@/lib/codebook/versions';
import { listCodebookVersions } from '@/lib/codebook/repository';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { diffRows } from './diff-rows';

type Search = { from?: string | string[]; to?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CodebookVersionsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const query = await searchParams;
  const { d, project } = await requireProject(projectId, 'codebook.view');
  const [t, locale] = [await getT(), await currentLocale()];
  const versions = await listCodebookVersions(d, project.id);
  const base = `/projects/${project.id}/codebook`;
  // Default: the newest version against the one before it.
  const from = versions.find((v) => String(v.number) === one(query.from)) ?? versions[1];
  const to = versions.find((v) => String(v.number) === one(query.to)) ?? versions[0];
  const rows = from && to ? diffRows(diffCodebooks(from.codebook, to.codebook), from.codebook, to.codebook, locale, t) : [];
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('codebook.versionsTitle')}</h2>
      <p>
        <Link href={base}>{t('codebookEditor.back')}</Link>
      </p>
      {versions.length === 0 ? (
        <p className="empty">{t('codebook.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('codebook.versionNumber')}</th>
              <th scope="col">{t('codebook.savedBy')}</th>
              <th scope="col">{t('codebook.savedAt')}</th>
              <th scope="col">{t('codebook.state')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{v.number}</td>
                <td>{v.createdByName ?? '—'}</td>
                <td>
                  <time dateTime={v.createdAt.toISOString()}>{v.createdAt.toISOString().replace('T', ' ').slice(0, 16)}</time>
                </td>
                <td>{v.sessionCount > 0 ? t('codebook.stateInUse', { count: v.sessionCount }) : v.inUse ? t('codebook.stateFrozen') : t('codebook.stateEditable')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {versions.length === 1 && <p className="muted">{t('codebook.compareOne')}</p>}
      {versions.length > 1 && from && to && (
        <section aria-labelledby="compare-title" className="codebook-compare">
          <h3 id="compare-title">{t('codebook.compare')}</h3>
          <form method="get" className="compare-form">
            {(['from', 'to'] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`compare-${name}`}>{t(name === 'from' ? 'codebook.compareFrom' : 'codebook.compareTo')}</label>
                <select id={`compare-${name}`} name={name} defaultValue={String((name === 'from' ? from : to).number)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit" className="secondary">
              {t('codebook.compareSubmit')}
            </button>
          </form>
          <h4>{t('codebook.diffTitle', { from: from.number, to: to.number })}</h4>
          {rows.length === 0 ? (
            <p className="muted">{t('codebook.diffIdentical')}</p>
          ) : (
            <table className="data diff-table">
              <caption className="visually-hidden">{t('codebook.diffCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('codebook.diffKind')}</th>
                  <th scope="col">{t('codebook.diffName')}</th>
                  <th scope="col">{t('codebook.diffChange')}</th>
                  <th scope="col">{t('codebook.diffBefore')}</th>
                  <th scope="col">{t('codebook.diffAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    <td>{t(`codebook.kind.${r.kind}`)}</td>
                    <td>{r.name}</td>
                    <td>{r.change}</td>
                    <td className="diff-value">{r.before}</td>
                    <td className="diff-value">{r.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
