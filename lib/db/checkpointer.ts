/*
 * SQLite's WAL checkpoint, moved off the event loop. By default SQLite checkpoints inside
 * the commit that crosses 1,000 WAL pages, fsyncing the database file on the thread that
 * committed: with better-sqlite3 that is the event loop, and every websocket message waits
 * (5–8 ms here, up to 90 ms on a busy disk). Instead the writing connection never
 * checkpoints (`wal_autocheckpoint = 0`) and a worker thread with its own connection runs a
 * PASSIVE checkpoint (never blocks writers or readers) every second. If the worker cannot
 * start, the connection falls back to SQLite's automatic checkpoints.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

export const CHECKPOINT_EVERY_MS = 1000;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(conn: BetterSqlite3.Database, file: string): Checkpointer {
  conn.pragma('wal_autocheckpoint = 0');
  // Resolved here, so the worker finds the driver whatever the working directory.
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | null = new Worker(SOURCE, { eval: true, workerData: { file, module, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  const fallBack = () => {
    worker = null;
    if (conn.open) conn.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', (e) => {
    console.warn(`SQLite checkpoints run on the main thread: ${(e as Error).message}`);
    fallBack();
  });
  return {
    async stop() {
      const w = worker;
      if (!w) return;
      worker = null;
      // Referenced again while it stops: an unreferenced worker would let the process exit
      // (with this promise unsettled) before the worker's last checkpoint and close.
      w.ref();
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('stop');
      });
    },
  };
}
