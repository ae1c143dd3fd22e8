'use server';
import { redirect } from 'next/navigation';
import { database } from '@/lib/db';
import { createProject } from '@/lib/projects/projects';
import { formObject, runAction, type ActionState } from './_server/action-result';
import { getT, requireUser } from './_server/context';

export async function createProjectAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  let projectId = '';
  const state = await runAction(await getT(), form, async () => {
    projectId = (await createProject(await database(), user.id, formObject(form))).id;
  });
  if (state.ok) redirect(`/projects/${projectId}`);
  return state;
}
