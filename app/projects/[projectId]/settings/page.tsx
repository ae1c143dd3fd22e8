import { getProjectSettings } from '@/lib/projects/settings';
import { ActionForm, CheckboxField, SubmitButton } from '@/app/_components/Form';
import { getT, requireProject } from '@/app/_server/context';
import { saveSettingsAction } from './actions';

export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'project.edit');
  const t = await getT();
  const settings = await getProjectSettings(d, project.id);
  return (
    <section aria-labelledby="settings" className="card">
      <h2 id="settings">{t('settings.title')}</h2>
      <ActionForm action={saveSettingsAction.bind(null, project.id)} label={t('settings.title')}>
        <h3>{t('settings.doubleCoding')}</h3>
        <CheckboxField name="hideDoubleCoding" label={t('settings.hideDoubleCoding')} hint={t('settings.hideDoubleCodingHelp')} defaultChecked={settings.hideDoubleCoding} />
        <SubmitButton>{t('settings.save')}</SubmitButton>
      </ActionForm>
    </section>
  );
}
