/*
 * Runs drizzle's migrator against a migrations folder of our choosing, the way
 * lib/db/client.ts runs it against the repository's drizzle/<dialect> folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { DatabaseTarget } from '@/lib/db/client';
import { rawQuery } from './test-database';

const repoFolder = (dialect: DatabaseTarget['dialect']) => path.resolve('drizzle', dialect === 'sqlite' ? 'sqlite' : 'pg');

export async function migrateFrom(target: DatabaseTarget, migrationsFolder: string): Promise<void> {
  if (target.dialect === 'sqlite') {
    const conn = new BetterSqlite3(target.file);
    try {
      migrateSqlite(drizzleSqlite(conn), { migrationsFolder });
    } finally {
      conn.close();
    }
    return;
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
}

/**
 * A temporary copy of the real migrations with one more migration after them, made of the
 * given statements (joined with drizzle's statement breakpoints).
 */
export function migrationsWithExtra(dialect: DatabaseTarget['dialect'], tag: string, statements: string[]): { folder: string; remove(): void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-migrations-'));
  fs.cpSync(repoFolder(dialect), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };
  const last = journal.entries[journal.entries.length - 1]!;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** The migrations drizzle has recorded as applied. */
export async function appliedMigrations(target: DatabaseTarget): Promise<Array<{ hash: string; created_at: string }>> {
  const table = target.dialect === 'sqlite' ? '__drizzle_migrations' : 'drizzle.__drizzle_migrations';
  const rows = await rawQuery<{ hash: string; created_at: unknown }>(target, `SELECT hash, created_at FROM ${table} ORDER BY id`);
  return rows.map((r) => ({ hash: r.hash, created_at: String(r.created_at) }));
}

export async function tableExists(target: DatabaseTarget, name: string): Promise<boolean> {
  const rows =
    target.dialect === 'sqlite'
      ? await rawQuery(target, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [name])
      : await rawQuery(target, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ?`, [name]);
  return rows.length > 0;
}

/** How many migrations the repository ships for the dialect (its journal's entries). */
export function shippedMigrationCount(dialect: DatabaseTarget['dialect']): number {
  const journal = JSON.parse(fs.readFileSync(path.join(repoFolder(dialect), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}
