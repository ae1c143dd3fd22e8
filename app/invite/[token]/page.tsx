import Link from 'next/link';
import { database } from '@/lib/db';
import { findInvitation } from '@/lib/projects/invitations';
import { currentUser, getT } from '@/app/_server/context';
import { acceptAction, registerAction } from './actions';
import { InviteSignup } from './InviteSignup';

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getT();
  const invitation = await findInvitation(await database(), token);
  if (!invitation) {
    return (
      <section className="narrow card">
        <h1>{t('invite.invalid')}</h1>
      </section>
    );
  }
  const user = await currentUser();
  const roles = invitation.roles.map((r) => t(`role.${r}`)).join(', ');
  return (
    <section className="narrow card">
      <h1>{t('invite.title', { project: invitation.projectName })}</h1>
      <p>{t('invite.asRoles', { roles })}</p>
      {user ? (
        <form action={acceptAction.bind(null, token)}>
          <p>{t('invite.signedInAs', { email: user.email })}</p>
          <button type="submit" className="primary">
            {t('invite.accept')}
          </button>
        </form>
      ) : (
        <>
          <h2>{t('invite.createAccount')}</h2>
          <InviteSignup
            action={registerAction.bind(null, token)}
            email={invitation.email ?? ''}
            labels={{ name: t('account.name'), email: t('signIn.email'), password: t('signIn.password'), hint: t('field.passwordShort'), submit: t('invite.accept') }}
          />
          <p className="muted">
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>{t('invite.haveAccount')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
