import { AUDIT_KINDS, AUDIT_PAGE_SIZE, isAuditKind, listAudit } from '@/lib/audit/audit';
import { getT, requireProject } from '@/app/_server/context';

export default async function AuditPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'audit.view');
  const t = await getT();
  const asked = (await searchParams).kind ?? '';
  const kind = isAuditKind(asked) ? asked : undefined;
  const entries = await listAudit(d, project.id, { kind });
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{t('audit.title')}</h2>
      <p className="hint">{t('audit.help', { count: AUDIT_PAGE_SIZE })}</p>
      <form method="get" className="row" aria-label={t('audit.filter')}>
        <label>
          {t('audit.kind')}{' '}
          <select name="kind" defaultValue={kind ?? ''}>
            <option value="">{t('audit.allKinds')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          {t('audit.show')}
        </button>
      </form>
      {entries.length === 0 ? (
        <p className="empty">{t('audit.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace('T', ' ').slice(0, 16)}</time>
                </td>
                <td>{e.actorName ?? '—'}</td>
                <td>
                  {isAuditKind(e.kind) ? t(`audit.kind.${e.kind}`) : <code>{e.kind}</code>} {Object.keys(e.detail).length > 0 && <small className="muted">{JSON.stringify(e.detail)}</small>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
