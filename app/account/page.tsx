import { getT, requireUser } from '@/app/_server/context';
import { ActionForm, Field, SubmitButton } from '@/app/_components/Form';
import { changePasswordAction } from './actions';

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getT();
  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('signIn.email')}</dt>
        <dd>{user.email}</dd>
      </dl>
      <section className="card" aria-labelledby="pw">
        <h2 id="pw">{t('account.changePassword')}</h2>
        {user.hasPassword ? (
          <ActionForm action={changePasswordAction} label={t('account.changePassword')}>
            <Field name="currentPassword" type="password" label={t('account.currentPassword')} autoComplete="current-password" required />
            <Field name="newPassword" type="password" label={t('account.newPassword')} autoComplete="new-password" hint={t('field.passwordShort')} required />
            <SubmitButton>{t('account.changePassword')}</SubmitButton>
          </ActionForm>
        ) : (
          <p>{t('account.ssoOnly')}</p>
        )}
      </section>
    </div>
  );
}
