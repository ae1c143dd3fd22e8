/*
 * Per-request context for pages and actions: who is signed in, which language to speak,
 * and the project access check that turns the policy's decision into 404 / 403.
 */
import { cookies, headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { database, type Database } from '@/lib/db';
import { getUser, type User } from '@/lib/accounts/users';
import { isLocale, localeFromAcceptLanguage, translator, type Locale, type Translate } from '@/lib/i18n/messages';
import { decide, type Actor, type ProjectAction } from '@/lib/policy/policy';
import { actorIn, getProject, type Project } from '@/lib/projects/projects';
import { authOptions } from './auth';

export const LOCALE_COOKIE = 'concord-locale';

export const currentUser = cache(async (): Promise<User | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: string } | null;
  if (!session?.uid) return null;
  return getUser(await database(), session.uid);
});

export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

export const currentLocale = cache(async (): Promise<Locale> => {
  const user = await currentUser();
  if (user) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
});

export async function getT(): Promise<Translate> {
  return translator(await currentLocale());
}

export interface ProjectContext {
  d: Database;
  user: User;
  actor: Actor;
  project: Project;
}

/** Loads a project for the signed-in user and enforces the policy: 404 for non-members, 403 without the right. */
export async function requireProject(projectId: string, action: ProjectAction = 'project.view'): Promise<ProjectContext> {
  const user = await requireUser();
  const d = await database();
  const actor = await actorIn(d, projectId, user.id);
  const decision = decide(actor, action);
  if (!decision.allowed) (decision.status === 404 ? notFound : forbidden)();
  const project = await getProject(d, projectId);
  if (!project) notFound();
  return { d, user, actor, project };
}
