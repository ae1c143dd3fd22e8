/*
 * The process's one database. The custom server and the Next.js bundle load separate
 * copies of this module, so the instance lives on globalThis under a registered symbol.
 */
import { loadConfig } from '@/lib/config/config';
import { openDatabase, prepareDataDir, type Database } from './client';

export type { Database, Db, Schema } from './client';
export { isUniqueViolation } from './client';

const KEY = Symbol.for('concord.database');
type Holder = { [KEY]?: Promise<Database> };

/** The open database; opened from the environment's configuration on first use. */
export function database(): Promise<Database> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const config = loadConfig();
    if (config.database.dialect === 'sqlite') prepareDataDir(config.dataDir);
    g[KEY] = openDatabase(config.database);
    g[KEY].catch(() => delete g[KEY]);
  }
  return g[KEY];
}

/** Installs an already opened database (server start-up, tests). */
export function useDatabase(db: Database): void {
  (globalThis as Holder)[KEY] = Promise.resolve(db);
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as Holder;
  const pending = g[KEY];
  delete g[KEY];
  if (pending) await (await pending).close();
}
