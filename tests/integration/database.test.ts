/*
 * The database layer: all-or-nothing migrations, durability across reopening, recognising
 * unique violations in both dialects, and transactions that do not interleave.
 */
import BetterSqlite3 from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail } from '@/lib/accounts/users';
import { isUniqueViolation, openDatabase } from '@/lib/db/client';
import { appliedMigrations, migrateFrom, migrationsWithExtra, shippedMigrationCount, tableExists } from './support/migrations';
import { createBlankDatabase, createTestDatabase, dialectUnderTest, rawQuery, type TestDatabase } from './support/test-database';
import { rejectionOf, thrownBy } from './support/errors';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});

const q = (name: string) => (dialectUnderTest === 'sqlite' ? `\`${name}\`` : `"${name}"`);

/** A migration that first changes the schema and the data, then fails. */
const brokenMigration = [
  `CREATE TABLE ${q('broken_first')} (${q('id')} integer PRIMARY KEY)`,
  `ALTER TABLE ${q('users')} ADD COLUMN ${q('nickname')} text`,
  `UPDATE ${q('users')} SET ${q('name')} = 'overwritten'`,
  `INSERT INTO ${q('no_such_table')} VALUES (1)`,
];

describe('migrations', () => {
  it('a failing migration leaves a migrated database exactly as it was', async () => {
    await createUser(tdb.database, { email: 'kept@example.org', name: 'Kept Name', password: 'kept password' });
    const journalBefore = await appliedMigrations(tdb.target);
    const rowsBefore = await rawQuery(tdb.target, 'SELECT * FROM users');
    expect(journalBefore).toHaveLength(shippedMigrationCount(tdb.target.dialect));

    const broken = migrationsWithExtra(tdb.target.dialect, '9999_broken', brokenMigration);
    try {
      const e = await rejectionOf(migrateFrom(tdb.target, broken.folder));
      expect(String((e as Error).cause ?? e)).toMatch(/no_such_table/);
    } finally {
      broken.remove();
    }

    expect(await tableExists(tdb.target, 'broken_first')).toBe(false);
    expect(await appliedMigrations(tdb.target)).toEqual(journalBefore);
    expect(await rawQuery(tdb.target, 'SELECT * FROM users')).toEqual(rowsBefore);
    expect((await findUserByEmail(tdb.database, 'kept@example.org'))?.name).toBe('Kept Name');
  });

  it('a failing migration on an empty database applies none of the migrations before it', async () => {
    const blank = await createBlankDatabase();
    const broken = migrationsWithExtra(blank.target.dialect, '9999_broken', [`CREATE TABLE ${q('broken_first')} (${q('id')} integer)`, 'SELECT * FROM no_such_table']);
    try {
      await rejectionOf(migrateFrom(blank.target, broken.folder));
      expect(await tableExists(blank.target, 'users')).toBe(false);
      expect(await tableExists(blank.target, 'broken_first')).toBe(false);
      expect(await appliedMigrations(blank.target)).toEqual([]);
      // The real migrations still apply afterwards.
      const d = await openDatabase(blank.target);
      await d.close();
      expect(await tableExists(blank.target, 'users')).toBe(true);
    } finally {
      broken.remove();
      await blank.drop();
    }
  });
});

describe('durability', () => {
  it('rows survive closing and reopening the database, and reopening does not migrate again', async () => {
    const blank = await createBlankDatabase();
    try {
      const first = await openDatabase(blank.target);
      const user = await createUser(first, { email: 'durable@example.org', name: 'Durable', password: 'durable password' });
      await first.close();

      const second = await openDatabase(blank.target);
      try {
        expect(await findUserByEmail(second, 'durable@example.org')).toEqual(user);
        expect(await appliedMigrations(blank.target)).toHaveLength(shippedMigrationCount(blank.target.dialect));
      } finally {
        await second.close();
      }
    } finally {
      await blank.drop();
    }
  });
});

describe('isUniqueViolation', () => {
  const d = () => tdb.database;
  const userRow = (id: string, email: string) => ({ id, email, name: 'U', passwordHash: null, locale: 'en', createdAt: new Date() });

  it(`recognises a duplicate unique column and a duplicate primary key from ${dialectUnderTest}, through drizzle`, async () => {
    await d().transaction((tx) => tx.insert(d().t.users).values(userRow('uv-1', 'uv@example.org')));
    const email = await rejectionOf(d().transaction((tx) => tx.insert(d().t.users).values(userRow('uv-2', 'uv@example.org'))));
    const key = await rejectionOf(d().transaction((tx) => tx.insert(d().t.users).values(userRow('uv-1', 'other@example.org'))));
    expect(isUniqueViolation(email)).toBe(true);
    expect(isUniqueViolation(key)).toBe(true);
  });

  it(`does not mistake other constraint failures from ${dialectUnderTest} for one`, async () => {
    const missingProject = await rejectionOf(
      d().transaction((tx) => tx.insert(d().t.cases).values({ id: 'c-1', projectId: 'no-such-project', caseNumber: '1', note: '', createdAt: new Date() })),
    );
    const nullName = await rejectionOf(d().transaction((tx) => tx.insert(d().t.users).values({ ...userRow('n-1', 'n@example.org'), name: null as unknown as string })));
    expect(isUniqueViolation(missingProject)).toBe(false);
    expect(isUniqueViolation(nullName)).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it("recognises better-sqlite3's and node-postgres' own errors, also when wrapped", () => {
    const mem = new BetterSqlite3(':memory:');
    mem.exec('CREATE TABLE t (k text PRIMARY KEY, u text UNIQUE)');
    mem.exec("INSERT INTO t VALUES ('a', 'x')");
    const sqliteUnique = thrownBy(() => mem.exec("INSERT INTO t VALUES ('b', 'x')"));
    const sqlitePk = thrownBy(() => mem.exec("INSERT INTO t VALUES ('a', 'y')"));
    mem.close();
    // node-postgres hands back the server's SQLSTATE in `code`: 23505 is unique_violation.
    const pgUnique = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505', severity: 'ERROR' });
    expect(isUniqueViolation(sqliteUnique)).toBe(true);
    expect(isUniqueViolation(sqlitePk)).toBe(true);
    expect(isUniqueViolation(pgUnique)).toBe(true);
    expect(isUniqueViolation(new Error('Failed query', { cause: pgUnique }))).toBe(true);
    expect(isUniqueViolation(new Error('Failed query', { cause: sqliteUnique }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('fk'), { code: '23503' }))).toBe(false);
  });
});

describe('transactions', () => {
  const KEY = 'counter';
  async function counterValue() {
    const [row] = await tdb.database.db.select().from(tdb.database.t.signInFailures).where(eq(tdb.database.t.signInFailures.key, KEY));
    return row?.failures;
  }

  it.runIf(dialectUnderTest === 'sqlite')('20 concurrent read-modify-write transactions on SQLite do not interleave', async () => {
    const d = tdb.database;
    const t = d.t.signInFailures;
    await d.transaction((tx) => tx.insert(t).values({ key: KEY, failures: 0, firstFailureAt: new Date(), lockedUntil: null }));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        d.transaction(async (tx) => {
          const [row] = await tx.select().from(t).where(eq(t.key, KEY));
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          await tx.update(t).set({ failures: row!.failures + 1 }).where(eq(t.key, KEY));
        }),
      ),
    );
    expect(await counterValue()).toBe(20);
  });

  it('a transaction that throws leaves nothing behind, and the next one runs normally', async () => {
    const d = tdb.database;
    const e = await rejectionOf(
      d.transaction(async (tx) => {
        await tx.insert(d.t.users).values({ id: 'rolled-back', email: 'rolled@example.org', name: 'R', passwordHash: null, locale: 'en', createdAt: new Date() });
        throw new Error('changed my mind');
      }),
    );
    expect((e as Error).message).toBe('changed my mind');
    expect(await findUserByEmail(d, 'rolled@example.org')).toBeNull();
    await createUser(d, { email: 'after@example.org', name: 'After', password: 'after password' });
    expect(await findUserByEmail(d, 'after@example.org')).not.toBeNull();
  });

  it("a read outside a transaction does not see another transaction's uncommitted rows", async () => {
    const d = tdb.database;
    let inserted!: () => void;
    let finish!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const finishP = new Promise<void>((r) => (finish = r));
    const writer = d.transaction(async (tx) => {
      await tx.insert(d.t.users).values({ id: 'uncommitted', email: 'uncommitted@example.org', name: 'U', passwordHash: null, locale: 'en', createdAt: new Date() });
      inserted();
      await finishP; // still open, e.g. waiting on I/O
      throw new Error('rolled back');
    });
    await insertedP;
    // Another request reads meanwhile, outside any transaction.
    const seenDuring = await findUserByEmail(d, 'uncommitted@example.org');
    finish();
    await rejectionOf(writer);
    expect(seenDuring).toBeNull();
    expect(await findUserByEmail(d, 'uncommitted@example.org')).toBeNull();
  });

  it('a nested transaction joins the outer one: both roll back together', async () => {
    const d = tdb.database;
    await rejectionOf(
      d.transaction(async (outer) => {
        await d.transaction((inner) => inner.insert(d.t.users).values({ id: 'nested', email: 'nested@example.org', name: 'N', passwordHash: null, locale: 'en', createdAt: new Date() }));
        expect((await outer.select().from(d.t.users).where(eq(d.t.users.id, 'nested'))).length).toBe(1);
        throw new Error('outer fails');
      }),
    );
    expect(await findUserByEmail(d, 'nested@example.org')).toBeNull();
  });
});
