import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { currentLocale, currentUser, getT } from '@/app/_server/context';
import { LanguageSwitch } from './_components/LanguageSwitch';
import { SignOutButton } from './_components/SessionButtons';
import './globals.css';

export const metadata: Metadata = { title: 'Concord', description: 'Blind double-coding and reconciliation of recorded sessions' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [t, locale, user] = [await getT(), await currentLocale(), await currentUser()];
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="topbar">
          <Link href="/" className="brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.projects')}>
            {user ? (
              <>
                <Link href="/">{t('nav.projects')}</Link>
                <Link href="/account">{t('nav.account')}</Link>
                <span className="who">{user.name}</span>
                <SignOutButton label={t('nav.signOut')} />
              </>
            ) : (
              <Link href="/signin">{t('nav.signIn')}</Link>
            )}
            <LanguageSwitch locale={locale} label={t('nav.language')} />
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
