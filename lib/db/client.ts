/*
 * Opens the database chosen by configuration (SQLite file by default, PostgreSQL when
 * DATABASE_URL is set), applies migrations, and hands out one `Database` per process.
 *
 * Domain code is written once against the PostgreSQL-typed drizzle API. The SQLite tables
 * carry the same row types (see schema.sqlite.ts), so at run time the SQLite database and
 * tables stand in for the PostgreSQL ones; the only behavioural difference, transactions,
 * is hidden behind `Database.transaction`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as pgSchema from './schema.pg';
import * as sqliteSchema from './schema.sqlite';
import { Mutex } from './mutex';
import { startCheckpointer } from './checkpointer';

export type Schema = typeof pgSchema;
export type Db = NodePgDatabase<Schema>;
export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  dialect: Dialect;
  /** The tables of this dialect, typed once. */
  t: Schema;
  /** For reads (inside `transaction`, the transaction itself). Writes go through `transaction`. */
  readonly db: Db;
  /** Runs `fn` atomically; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** A start-up problem the operator can fix; its message is one readable line. */
export class DatabaseStartupError extends Error {}

const migrationsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
}

function openSqlite(file: string): Database {
  let conn: BetterSqlite3.Database;
  try {
    conn = new BetterSqlite3(file);
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = NORMAL');
    conn.pragma('foreign_keys = ON');
    conn.pragma('busy_timeout = 5000');
  } catch (e) {
    throw new DatabaseStartupError(`Cannot open the SQLite database ${file}: ${(e as Error).message}. Check that the data folder is writable.`);
  }
  const db = drizzleSqlite(conn, { schema: sqliteSchema });
  try {
    migrateSqlite(db, { migrationsFolder: path.join(migrationsRoot, 'sqlite') });
  } catch (e) {
    conn.close();
    throw new DatabaseStartupError(`Database migration failed, nothing was changed: ${firstLine(e)}`);
  }
  const typed = db as unknown as Db;
  const checkpointer = startCheckpointer(conn, file);
  // Reads outside a transaction use their own read-only connection: with WAL it sees only
  // committed rows, never those of a transaction in flight on the writing connection.
  const reader = new BetterSqlite3(file, { readonly: true });
  reader.pragma('busy_timeout = 5000');
  const readerDb = drizzleSqlite(reader, { schema: sqliteSchema }) as unknown as Db;
  // better-sqlite3 is synchronous and has one connection: drizzle's own transaction API
  // cannot await. We serialise transactions with a mutex and issue BEGIN/COMMIT ourselves.
  const mutex = new Mutex();
  const scope = new AsyncLocalStorage<Db>();
  return {
    dialect: 'sqlite',
    t: sqliteSchema as unknown as Schema,
    get db() {
      return scope.getStore() ?? readerDb;
    },
    async transaction(fn) {
      const outer = scope.getStore();
      if (outer) return fn(outer);
      return mutex.run(async () => {
        conn.exec('BEGIN IMMEDIATE');
        try {
          const result = await scope.run(typed, () => fn(typed));
          conn.exec('COMMIT');
          return result;
        } catch (e) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw e;
        }
      });
    },
    async close() {
      await mutex.run(async () => {
        await checkpointer.stop();
        reader.close();
        conn.close();
      });
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DatabaseStartupError(`Cannot connect to PostgreSQL (${describeUrl(url)}): ${firstLine(e)}. Check DATABASE_URL.`);
  }
  const db = drizzlePg(pool, { schema: pgSchema });
  try {
    await migratePg(db, { migrationsFolder: path.join(migrationsRoot, 'pg') });
  } catch (e) {
    await pool.end();
    throw new DatabaseStartupError(`Database migration failed, nothing was changed: ${firstLine(e)}`);
  }
  const scope = new AsyncLocalStorage<Db>();
  return {
    dialect: 'postgres',
    t: pgSchema,
    get db() {
      return scope.getStore() ?? db;
    },
    async transaction(fn) {
      const outer = scope.getStore();
      if (outer) return fn(outer);
      return db.transaction((tx) => scope.run(tx as unknown as Db, () => fn(tx as unknown as Db)));
    },
    close: () => pool.end(),
  };
}

/** Where a SQLite file goes; fails with one clear line when the folder is not writable. */
export function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new DatabaseStartupError(`The data folder ${dir} is not writable (${code}). Set DATA_DIR to a folder Concord may write to.`);
  }
}

/** True when `e` is a unique-constraint violation in either dialect. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'an unreadable URL';
  }
}

function firstLine(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  const msg = cause instanceof Error ? cause.message : e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
