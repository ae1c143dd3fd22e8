import { listCases } from '@/lib/cases/cases';
import { can } from '@/lib/policy/policy';
import { ActionForm, Field, SubmitButton } from '@/app/_components/Form';
import { getT, requireProject } from '@/app/_server/context';
import { addCaseAction } from '../actions';

export default async function CasesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, actor } = await requireProject(projectId, 'cases.view');
  const t = await getT();
  const cases = await listCases(d, project.id);
  return (
    <div className="split">
      <section aria-labelledby="cases">
        <h2 id="cases">{t('cases.title')}</h2>
        {cases.length === 0 ? (
          <p className="empty">{t('cases.empty')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('cases.number')}</th>
                <th scope="col">{t('cases.note')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>{c.caseNumber}</td>
                  <td>{c.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can(actor, 'cases.manage') && (
        <section aria-labelledby="add-case" className="card">
          <h2 id="add-case">{t('cases.add')}</h2>
          <p className="hint">{t('cases.help')}</p>
          <ActionForm action={addCaseAction.bind(null, project.id)} label={t('cases.add')}>
            <Field name="caseNumber" label={t('cases.number')} required />
            <Field name="note" label={`${t('cases.note')} (${t('common.optional')})`} />
            <SubmitButton>{t('cases.add')}</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
