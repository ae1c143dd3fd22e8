'use server';
import { database } from '@/lib/db';
import { changePassword } from '@/lib/accounts/users';
import { formObject, runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireUser } from '@/app/_server/context';

export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const t = await getT();
  return runAction(t, form, async () => {
    await changePassword(await database(), user.id, formObject(form));
    return { ok: true, message: t('account.passwordChanged') };
  });
}
