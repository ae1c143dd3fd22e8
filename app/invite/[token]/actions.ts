'use server';
import { redirect } from 'next/navigation';
import { database } from '@/lib/db';
import { createUser, findUserByEmail } from '@/lib/accounts/users';
import { DomainError } from '@/lib/errors/domain-error';
import { acceptInvitation, findInvitation } from '@/lib/projects/invitations';
import { formObject, runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireUser } from '@/app/_server/context';

export async function acceptAction(token: string): Promise<void> {
  const user = await requireUser();
  const projectId = await acceptInvitation(await database(), token, user.id);
  redirect(projectId ? `/projects/${projectId}` : `/invite/${token}`);
}

/** Creates the invitee's account and joins the project; the form then signs in. */
export async function registerAction(token: string, _: ActionState, form: FormData): Promise<ActionState> {
  const t = await getT();
  return runAction(t, form, async () => {
    const d = await database();
    if (!(await findInvitation(d, token))) throw new DomainError('not-found', 'invite.invalid');
    const input = formObject(form);
    if (input.email && (await findUserByEmail(d, input.email))) throw new DomainError('conflict', 'user.duplicate', 'email');
    const user = await createUser(d, input);
    const projectId = await acceptInvitation(d, token, user.id);
    if (!projectId) throw new DomainError('not-found', 'invite.invalid');
    return { ok: true, data: { projectId, email: user.email } };
  });
}
