import { listCases } from '@/lib/cases/cases';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { FileImport } from '@/app/_components/FileImport';
import { can } from '@/lib/policy/policy';
import { getProjectSettings } from '@/lib/projects/settings';
import { coderViews } from '@/lib/sessions/coder-view';
import { DEFAULT_INTERVAL_MINUTES, listAssignments, listSessions } from '@/lib/sessions/sessions';
import { ActionForm, Field, SelectField, SubmitButton } from '@/app/_components/Form';
import { getT, requireProject } from '@/app/_server/context';
import { addSessionAction } from '../actions';
import { SessionTable } from '../SessionTable';

export default async function SessionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, actor } = await requireProject(projectId, 'sessions.view');
  const t = await getT();
  // Research sessions and the calibration recordings (gold); trainees' rounds live on the calibration page.
  const [sessions, cases] = [await listSessions(d, project.id, ['research', 'gold']), await listCases(d, project.id)];
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  const { hideDoubleCoding } = await getProjectSettings(d, project.id);
  return (
    <div className="split">
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('sessions.title')}</h2>
        <SessionTable t={t} sessions={sessions} views={coderViews(actor, hideDoubleCoding, sessions, assignments)} base={`/projects/${project.id}`} />
        <p>
          <a href={`/api/projects/${project.id}/tallies/export`} download>
            {t('tallies.export')}
          </a>
        </p>
      </section>
      {can(actor, 'sessions.manage') && cases.length > 0 && (
        <section aria-labelledby="add-session" className="card">
          <h2 id="add-session">{t('sessions.add')}</h2>
          <ActionForm action={addSessionAction.bind(null, project.id)} label={t('sessions.add')}>
            <SelectField name="caseId" label={t('sessions.case')} options={cases.map((c) => ({ value: c.id, label: c.caseNumber }))} />
            <Field name="label" label={t('sessions.label')} required />
            <Field name="durationMinutes" type="number" min={1} step="any" label={t('sessions.duration')} defaultValue={50} required />
            <Field name="intervalMinutes" type="number" min={1} step="any" label={t('sessions.interval')} defaultValue={DEFAULT_INTERVAL_MINUTES} required />
            <SubmitButton>{t('sessions.add')}</SubmitButton>
          </ActionForm>
        </section>
      )}
      {can(actor, 'sessions.manage') && (
        <FileImport
          endpoint={`/api/projects/${project.id}/tallies/import`}
          accept=".csv,text/csv"
          maxBytes={MAX_IMPORT_BYTES}
          labels={{ title: t('tallies.import'), file: t('tallies.importFile'), hint: t('tallies.importHint'), submit: t('tallies.importSubmit'), tooLarge: t('error.tooLarge') }}
        />
      )}
    </div>
  );
}
