/*
 * A fresh, migrated database for one test file: a temporary SQLite file by default, or a
 * new PostgreSQL database on the server named by DATABASE_URL (the PostgreSQL run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db/client';

export interface TestDatabase {
  database: Database;
  target: DatabaseTarget;
  /** Environment for a child process (server, CLI) using the same database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const dialectUnderTest = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

/** A new, empty database (no migrations applied) for tests that open or migrate it themselves. */
export interface BlankDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export async function createBlankDatabase(): Promise<BlankDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-it-'));
  if (!adminUrl) {
    return { target: { dialect: 'sqlite', file: path.join(dir, 'concord.sqlite') }, async drop() { fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `concord_it_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { dialect: 'postgres', url: url.toString() },
    async drop() {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/**
 * Runs one SQL statement on its own connection to `target` (outside the app's Database),
 * with `?` placeholders in both dialects; returns the rows.
 */
export async function rawQuery<R = Record<string, unknown>>(target: DatabaseTarget, statement: string, params: unknown[] = []): Promise<R[]> {
  if (target.dialect === 'sqlite') {
    const conn = new BetterSqlite3(target.file);
    try {
      const stmt = conn.prepare(statement);
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as R[];
    } finally {
      conn.close();
    }
  }
  let n = 0;
  const c = new pg.Client({ connectionString: target.url });
  await c.connect();
  try {
    return (await c.query(statement.replace(/\?/g, () => `$${++n}`), params)).rows as R[];
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-it-'));
    const target: DatabaseTarget = { dialect: 'sqlite', file: path.join(dir, 'concord.sqlite') };
    const database = await openDatabase(target);
    return {
      database,
      target,
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      async drop() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `concord_it_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { dialect: 'postgres', url: url.toString() };
  const database = await openDatabase(target);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-it-'));
  return {
    database,
    target,
    env: { DATA_DIR: dir, DATABASE_URL: url.toString() },
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
