import { listAudit } from '@/lib/audit/audit';
import { getT, requireProject } from '@/app/_server/context';

export default async function AuditPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'audit.view');
  const t = await getT();
  const entries = await listAudit(d, project.id);
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">{t('audit.title')}</h2>
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
                  <code>{e.kind}</code> {Object.keys(e.detail).length > 0 && <small className="muted">{JSON.stringify(e.detail)}</small>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
