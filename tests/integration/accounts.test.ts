/*
 * Accounts: creating users, signing in with throttling, changing passwords, and the
 * `concord users` / `concord projects` command line against the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, changePassword, createUser, findUserByEmail } from '@/lib/accounts/users';
import { MAX_FAILURES } from '@/lib/accounts/throttle';
import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import { createProject } from '@/lib/projects/projects';
import { createTestDatabase, rawQuery, type TestDatabase } from './support/test-database';
import { concord } from './support/cli';
import { leaksInternals, rejectionOf } from './support/errors';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

let counter = 0;
/** A new account with its own email, so throttling state never leaks between cases. */
async function newUser(password = 'correct horse battery') {
  const email = `person${++counter}@example.org`;
  const user = await createUser(tdb.database, { email, name: `Person ${counter}`, password });
  return { user, email, password };
}

describe('createUser', () => {
  it('stores a bcrypt hash and never the plain password', async () => {
    const { user, password } = await newUser('plain-text-secret-42');
    expect(user.hasPassword).toBe(true);
    const rows = await rawQuery<Record<string, unknown>>(tdb.target, 'SELECT * FROM users WHERE id = ?', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.password_hash).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    expect(JSON.stringify(rows[0])).not.toContain(password);
  });

  it('normalises the email to lower case', async () => {
    const user = await createUser(tdb.database, { email: '  Mixed.Case@Example.ORG ', name: 'Mixed', password: 'long enough password' });
    expect(user.email).toBe('mixed.case@example.org');
    expect((await findUserByEmail(tdb.database, 'MIXED.case@example.org'))?.id).toBe(user.id);
  });

  it("refuses a second account with the same email as DomainError 'user.duplicate'", async () => {
    const { email } = await newUser();
    const e = await rejectionOf(createUser(tdb.database, { email: email.toUpperCase(), name: 'Again', password: 'another password' }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: 'conflict', key: 'user.duplicate', field: 'email' });
  });

  it('reports a bad email and a short password as field errors, together', async () => {
    const e = await rejectionOf(createUser(tdb.database, { email: 'not-an-email', name: 'Bad', password: 'short' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ email: 'field.email', password: 'field.passwordShort' });
    expect(await findUserByEmail(tdb.database, 'not-an-email')).toBeNull();
  });
});

describe('authenticate', () => {
  it('accepts the right password', async () => {
    const { user, email, password } = await newUser();
    const result = await authenticate(tdb.database, email, password);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email } });
  });

  it("refuses a wrong password and an unknown email as 'invalid'", async () => {
    const { email } = await newUser();
    expect(await authenticate(tdb.database, email, 'wrong password!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(tdb.database, 'nobody@example.org', 'whatever password')).toEqual({ ok: false, reason: 'invalid' });
  });

  it(`locks the account after ${MAX_FAILURES} failures: even the right password is then refused as 'locked'`, async () => {
    const { email, password } = await newUser();
    const reasons: string[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await authenticate(tdb.database, email, `wrong ${i} password`);
      reasons.push(r.ok ? 'ok' : r.reason);
    }
    expect(reasons).toEqual([...Array(MAX_FAILURES - 1).fill('invalid'), 'locked']);
    expect(await authenticate(tdb.database, email, password)).toEqual({ ok: false, reason: 'locked' });
  });

  it('clears the failures on a successful sign-in', async () => {
    const { email, password } = await newUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate(tdb.database, email, 'wrong password!');
    expect((await authenticate(tdb.database, email, password)).ok).toBe(true);
    // A fresh run of failures starts from zero: four more do not lock.
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(await authenticate(tdb.database, email, 'wrong password!')).toEqual({ ok: false, reason: 'invalid' });
    expect((await authenticate(tdb.database, email, password)).ok).toBe(true);
  });

  it('counts failures that arrive at the same time: parallel guessing still locks the account', async () => {
    const { email, password } = await newUser();
    const results = await Promise.allSettled(Array.from({ length: 2 * MAX_FAILURES }, (_, i) => authenticate(tdb.database, email, `guess ${i} password`)));
    // Every guess is answered (none fails with a database error) and refused.
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(results.every((r) => r.status === 'fulfilled' && !r.value.ok)).toBe(true);
    expect(await authenticate(tdb.database, email, password)).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('changePassword', () => {
  it('requires the current password', async () => {
    const { user, email, password } = await newUser();
    const e = await rejectionOf(changePassword(tdb.database, user.id, { currentPassword: 'not my password', newPassword: 'a brand new password' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual({ currentPassword: 'field.passwordWrong' });
    expect((await authenticate(tdb.database, email, password)).ok).toBe(true);
  });

  it('replaces the password when the current one is given', async () => {
    const { user, email, password } = await newUser();
    await changePassword(tdb.database, user.id, { currentPassword: password, newPassword: 'a brand new password' });
    expect((await authenticate(tdb.database, email, 'a brand new password')).ok).toBe(true);
    expect(await authenticate(tdb.database, email, password)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('checks the new password like a new account does', async () => {
    const { user, password } = await newUser();
    const e = await rejectionOf(changePassword(tdb.database, user.id, { currentPassword: password, newPassword: 'short' }));
    expect((e as ValidationError).fields).toEqual({ newPassword: 'field.passwordShort' });
  });
});

describe('the concord command line', () => {
  it('`users create` creates an account in the configured database', async () => {
    const args = ['users', 'create', '--email', 'cli.user@example.org', '--name', 'Cli User', '--password', 'cli password 123'];
    const { code, stdout, stderr } = await concord(args, tdb.env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const user = await findUserByEmail(tdb.database, 'cli.user@example.org');
    expect(user).toMatchObject({ name: 'Cli User', hasPassword: true });
    expect(stdout.trim()).toBe(`Created cli.user@example.org (${user!.id}).`);
    expect((await authenticate(tdb.database, 'cli.user@example.org', 'cli password 123')).ok).toBe(true);
  });

  it('`users create` with a taken email exits 1 with one readable line and no stack trace', async () => {
    const { email } = await newUser();
    const { code, stdout, stderr } = await concord(['users', 'create', '--email', email, '--name', 'Twice', '--password', 'cli password 123'], tdb.env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['An account with this email already exists.']);
    expect(leaksInternals(stderr)).toBe(false);
  });

  it('`users create` with a bad email and short password names both fields and exits 1', async () => {
    const { code, stderr } = await concord(['users', 'create', '--email', 'nope', '--name', 'X', '--password', 'short'], tdb.env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^email: /m);
    expect(stderr).toMatch(/^password: /m);
    expect(leaksInternals(stderr)).toBe(false);
  });

  it('`projects list` lists the projects, as text and as JSON', async () => {
    const { user } = await newUser();
    const first = await createProject(tdb.database, user.id, { name: 'Listed project one' });
    const second = await createProject(tdb.database, user.id, { name: 'Listed project two' });
    const text = await concord(['projects', 'list'], tdb.env);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([`${first.id}  Listed project one`, `${second.id}  Listed project two`]);
    const json = await concord(['projects', 'list', '--json'], tdb.env);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: first.id, name: 'Listed project one' },
      { id: second.id, name: 'Listed project two' },
    ]);
  });
});
