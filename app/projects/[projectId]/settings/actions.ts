'use server';
/* The project settings' form action; re-checks the policy itself (a server action is a public endpoint). */
import { revalidatePath } from 'next/cache';
import { updateProjectSettings } from '@/lib/projects/settings';
import { runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireProject } from '@/app/_server/context';

/** Hiding double-coding: an unticked checkbox is absent from the form, so it is read explicitly. */
export async function saveSettingsAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'project.edit');
  const state = await runAction(await getT(), form, async () => {
    await updateProjectSettings(d, project.id, user.id, { hideDoubleCoding: form.get('hideDoubleCoding') === 'on' });
  });
  revalidatePath(`/projects/${project.id}`, 'layout');
  return state;
}
