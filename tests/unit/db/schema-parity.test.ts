import { describe, expect, it } from 'vitest';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pg from '@/lib/db/schema.pg';
import * as sqlite from '@/lib/db/schema.sqlite';

function shape(tables: Record<string, unknown>, config: (t: never) => { name: string; columns: { name: string; notNull: boolean; primary: boolean }[]; indexes: unknown[] }) {
  return Object.fromEntries(
    Object.entries(tables)
      .filter(([, t]) => t instanceof PgTable || t instanceof SQLiteTable)
      .map(([key, t]) => {
        const c = config(t as never);
        return [key, { name: c.name, columns: c.columns.map((col) => `${col.name}${col.notNull ? '!' : ''}${col.primary ? '*' : ''}`).sort(), indexes: c.indexes.length }];
      }),
  );
}

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('has the same tables, columns, nullability, keys and index counts', () => {
    const a = shape(sqlite, sqliteConfig as never);
    const b = shape(pg, pgConfig as never);
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });
});
