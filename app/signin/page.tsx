import { redirect } from 'next/navigation';
import { ssoButton } from '@/app/_server/auth';
import { currentUser, getT } from '@/app/_server/context';
import { SsoButton } from '@/app/_components/SessionButtons';
import { SignInForm } from './SignInForm';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = callbackUrl?.startsWith('/') ? callbackUrl : '/';
  if (await currentUser()) redirect(target);
  const t = await getT();
  const sso = ssoButton();
  return (
    <section className="narrow card">
      <h1>{t('signIn.title')}</h1>
      {error && error !== 'CredentialsSignin' && error !== 'invalid' && error !== 'locked' && <p className="form-message error">{t('signIn.error')}</p>}
      <SignInForm
        callbackUrl={target}
        labels={{ email: t('signIn.email'), password: t('signIn.password'), submit: t('signIn.submit'), failed: t('signIn.failed'), locked: t('signIn.locked'), error: t('signIn.error') }}
      />
      {sso && (
        <>
          <p className="divider">{t('signIn.or')}</p>
          <SsoButton id={sso.id} label={t('signIn.sso', { name: sso.name })} callbackUrl={target} />
        </>
      )}
    </section>
  );
}
