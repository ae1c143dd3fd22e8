/*
 * SQLite's WAL checkpoints run on a worker thread (lib/db/checkpointer.ts), not inside a
 * commit on the event loop: committed pages reach the database file within about a second
 * although the writing connection never checkpoints, and closing stops the worker.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY_MS } from '@/lib/db/checkpointer';
import { createTestDatabase, dialectUnderTest } from './support/test-database';

describe.skipIf(dialectUnderTest !== 'sqlite')('SQLite checkpoints off the event loop', () => {
  it('moves committed pages from the WAL into the database file without a checkpoint on the writing connection', async () => {
    const tdb = await createTestDatabase();
    if (tdb.target.dialect !== 'sqlite') return;
    const file = tdb.target.file;
    const d = tdb.database;
    // About 2 MB: half of SQLite's default autocheckpoint size, so only the worker can have moved it.
    const blob = Buffer.alloc(64 * 1024, 7);
    await d.transaction(async (tx) => {
      for (let i = 0; i < 32; i++) await tx.insert(d.t.docUpdates).values({ docId: 'checkpoint-test', seq: i, update: blob, at: new Date() });
    });
    const before = fs.statSync(file).size;
    expect(before).toBeLessThan(1024 * 1024);
    const deadline = Date.now() + 10 * CHECKPOINT_EVERY_MS;
    while (fs.statSync(file).size < 2 * 1024 * 1024 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    await tdb.drop();
  });
});
