'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { database } from '@/lib/db';
import { setLocale } from '@/lib/accounts/users';
import { isLocale } from '@/lib/i18n/messages';
import { currentUser, LOCALE_COOKIE } from './context';

export async function chooseLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
  const user = await currentUser();
  if (user) await setLocale(await database(), user.id, locale);
  revalidatePath('/', 'layout');
}
