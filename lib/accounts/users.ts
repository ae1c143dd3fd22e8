import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation, type Database } from '@/lib/db';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { isLocale, type Locale } from '@/lib/i18n/messages';
import { email, parseInput, password, text } from '@/lib/validation/parse';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password';
import { clearFailures, isLocked, recordFailure } from './throttle';

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  hasPassword: boolean;
}

type UserRow = Database['t']['users']['$inferSelect'];

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, locale: isLocale(row.locale) ? row.locale : 'en', hasPassword: !!row.passwordHash };
}

const newUserInput = z.object({ email: email(), name: text(120), password: password(), locale: z.enum(['en', 'nl']).default('en') });

export async function createUser(d: Database, input: unknown): Promise<User> {
  const data = parseInput(newUserInput, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await d.transaction(async (tx) => {
      const [row] = await tx
        .insert(d.t.users)
        .values({ id: randomUUID(), email: data.email, name: data.name, passwordHash, locale: data.locale, createdAt: new Date() })
        .returning();
      return toUser(row!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', 'user.duplicate', 'email');
    throw e;
  }
}

/** Finds or creates the account of someone signing in through institutional SSO. */
export async function upsertSsoUser(d: Database, emailAddress: string, name: string): Promise<User> {
  const address = emailAddress.trim().toLowerCase();
  const existing = await findUserByEmail(d, address);
  if (existing) return existing;
  return d.transaction(async (tx) => {
    const [row] = await tx
      .insert(d.t.users)
      .values({ id: randomUUID(), email: address, name: name || address, passwordHash: null, locale: 'en', createdAt: new Date() })
      .onConflictDoNothing()
      .returning();
    return row ? toUser(row) : (await findUserByEmail(d, address))!;
  });
}

export async function findUserByEmail(d: Database, address: string): Promise<User | null> {
  const [row] = await d.db.select().from(d.t.users).where(eq(d.t.users.email, address.trim().toLowerCase()));
  return row ? toUser(row) : null;
}

export async function getUser(d: Database, id: string): Promise<User | null> {
  const [row] = await d.db.select().from(d.t.users).where(eq(d.t.users.id, id));
  return row ? toUser(row) : null;
}

export async function listUsers(d: Database): Promise<User[]> {
  return (await d.db.select().from(d.t.users).orderBy(d.t.users.email)).map(toUser);
}

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

/** Checks email and password, with throttling of repeated failures per account. */
export async function authenticate(d: Database, emailAddress: string, plain: string): Promise<SignInResult> {
  const key = emailAddress.trim().toLowerCase();
  if (await isLocked(d, key)) return { ok: false, reason: 'locked' };
  const [row] = await d.db.select().from(d.t.users).where(eq(d.t.users.email, key));
  const valid = await verifyPassword(plain, row?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!row || !row.passwordHash || !valid) {
    await recordFailure(d, key);
    return { ok: false, reason: (await isLocked(d, key)) ? 'locked' : 'invalid' };
  }
  await clearFailures(d, key);
  return { ok: true, user: toUser(row) };
}

const passwordChangeInput = z.object({ currentPassword: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }), newPassword: password() });

export async function changePassword(d: Database, userId: string, input: unknown): Promise<void> {
  const data = parseInput(passwordChangeInput, input);
  const [row] = await d.db.select().from(d.t.users).where(eq(d.t.users.id, userId));
  if (!row?.passwordHash || !(await verifyPassword(data.currentPassword, row.passwordHash))) {
    throw new ValidationError({ currentPassword: 'field.passwordWrong' });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await d.transaction((tx) => tx.update(d.t.users).set({ passwordHash }).where(eq(d.t.users.id, userId)));
}

export async function setLocale(d: Database, userId: string, locale: Locale): Promise<void> {
  await d.transaction((tx) => tx.update(d.t.users).set({ locale }).where(eq(d.t.users.id, userId)));
}
