'use server';
/*
 * The project's form actions. Each re-checks the policy itself: a server action is a
 * public endpoint, whatever page rendered its form.
 */
import { revalidatePath } from 'next/cache';
import { loadConfig } from '@/lib/config/config';
import { createCase } from '@/lib/cases/cases';
import { createInvitation, invitationUrl, revokeInvitation } from '@/lib/projects/invitations';
import { parseRoleList, removeMember, setMemberRoles } from '@/lib/projects/members';
import { assignCoders, createSession } from '@/lib/sessions/sessions';
import { loadTallyContext } from '@/lib/tally/access';
import { reopenTally } from '@/lib/tally/tallies';
import { formObject, runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireProject } from '@/app/_server/context';

export async function addCaseAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project } = await requireProject(projectId, 'cases.manage');
  const state = await runAction(await getT(), form, async () => {
    await createCase(d, project.id, formObject(form));
  });
  revalidatePath(`/projects/${project.id}`, 'layout');
  return state;
}

export async function addSessionAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'sessions.manage');
  const state = await runAction(await getT(), form, async () => {
    await createSession(d, project.id, user.id, formObject(form));
  });
  revalidatePath(`/projects/${project.id}`, 'layout');
  return state;
}

export async function assignCodersAction(projectId: string, sessionId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'sessions.assign');
  const coders = form.getAll('coders').filter((v): v is string => typeof v === 'string');
  const state = await runAction(await getT(), null, () => assignCoders(d, project.id, sessionId, coders, user.id));
  revalidatePath(`/projects/${project.id}`, 'layout');
  return state;
}

export async function inviteAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'members.manage');
  const t = await getT();
  const state = await runAction(t, form, async () => {
    const roles = parseRoleList(form.getAll('roles'));
    const email = String(form.get('email') ?? '').trim() || null;
    const { token } = await createInvitation(d, project.id, user.id, roles, email);
    return { ok: true, data: { link: invitationUrl(loadConfig().publicUrl, token) } };
  });
  revalidatePath(`/projects/${project.id}/members`);
  return state;
}

export async function revokeInvitationAction(projectId: string, invitationId: string): Promise<void> {
  const { d, project, user } = await requireProject(projectId, 'members.manage');
  await revokeInvitation(d, project.id, invitationId, user.id);
  revalidatePath(`/projects/${project.id}/members`);
}

export async function setRolesAction(projectId: string, userId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'members.manage');
  const state = await runAction(await getT(), null, () => setMemberRoles(d, project.id, userId, parseRoleList(form.getAll('roles')), user.id));
  revalidatePath(`/projects/${project.id}/members`);
  return state;
}

export async function removeMemberAction(projectId: string, userId: string, _: ActionState): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'members.manage');
  const state = await runAction(await getT(), null, () => removeMember(d, project.id, userId, user.id));
  revalidatePath(`/projects/${project.id}/members`);
  return state;
}

/** At a coder's request, the owner reopens a submitted tally before reveal (audited in lib). */
export async function reopenTallyAction(projectId: string, sessionId: string, coderId: string): Promise<void> {
  const { d, project, actor } = await requireProject(projectId, 'sessions.manage');
  const ctx = await loadTallyContext(d, project.id, sessionId);
  if (ctx) await reopenTally(d, actor, ctx, coderId);
  revalidatePath(`/projects/${project.id}`, 'layout');
}
