/*
 * Durable storage of realtime (Yjs) documents: an append-only log of updates (`doc_updates`)
 * plus at most one snapshot per document (`doc_snapshots`), on either SQL dialect.
 *
 * - `append` is batched: appends queued while a batch commits go out together in the next
 *   transaction (group commit), and each append's promise resolves only after its batch
 *   has committed. The realtime server relays an update only then (write before relay).
 * - `load` reads snapshot + later updates as one consistent picture even while a
 *   compaction commits in between (it re-reads the snapshot's sequence and retries).
 * - `compact` replaces the log up to a sequence number with a snapshot, in one transaction.
 *
 * Sequence numbers are handed out by the document's owner (one realtime room per document
 * per process; with several instances, one instance per room) — see docs/architecture.md.
 * Binary columns come back as Buffer in both dialects; Yjs takes any Uint8Array.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database, Db } from '@/lib/db';

export interface StoredDoc {
  /** The snapshot (if any) followed by every later update, in order. */
  updates: Uint8Array[];
  /** The sequence number the snapshot covers (0 without one). */
  snapshotSeq: number;
  /** The highest sequence number stored (snapshot or update). */
  lastSeq: number;
  /** How many updates follow the snapshot. */
  logLength: number;
}

interface PendingAppend {
  docId: string;
  seq: number;
  update: Uint8Array;
  resolve(): void;
  reject(e: unknown): void;
}

/** Parameters per row are 4; PostgreSQL allows 65,535 per statement. */
const MAX_BATCH = 1000;
const MAX_LOAD_ATTEMPTS = 5;

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const toBytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class DocStore {
  private queue: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private prepared: { tx: Db; query: { execute(values: Record<string, unknown>): Promise<unknown> } } | null = null;

  constructor(private readonly d: Database) {}

  /** Reads a document's snapshot and later updates. */
  async load(docId: string): Promise<StoredDoc> {
    const { db, t } = this.d;
    for (let attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt++) {
      const snapshotSeq = async () => (await db.select({ seq: t.docSnapshots.seq }).from(t.docSnapshots).where(eq(t.docSnapshots.docId, docId)))[0]?.seq ?? 0;
      const [snapshot] = await db.select().from(t.docSnapshots).where(eq(t.docSnapshots.docId, docId));
      const from = snapshot?.seq ?? 0;
      const rows = await db
        .select({ seq: t.docUpdates.seq, update: t.docUpdates.update })
        .from(t.docUpdates)
        .where(and(eq(t.docUpdates.docId, docId), gt(t.docUpdates.seq, from)))
        .orderBy(asc(t.docUpdates.seq));
      // A compaction that committed between the two reads moved the snapshot on and
      // deleted updates we did not see: read again.
      if ((await snapshotSeq()) !== from) continue;
      const updates = rows.map((r) => toBytes(r.update));
      if (snapshot) updates.unshift(toBytes(snapshot.state));
      return { updates, snapshotSeq: from, lastSeq: rows.length ? rows[rows.length - 1]!.seq : from, logLength: rows.length };
    }
    throw new Error(`document ${docId} kept changing while loading`);
  }

  /** Appends one update under `seq`; resolves once it is committed. */
  append(docId: string, seq: number, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docId, seq, update, resolve, reject });
      this.schedule();
    });
  }

  /** How many appends wait for their batch to commit. */
  get pending(): number {
    return this.queue.length + (this.flushing ? 1 : 0);
  }

  /** Resolves when every append queued so far has committed (or failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length) {
      if (!this.flushing) this.flushing = this.flush();
      await this.flushing;
    }
  }

  /**
   * Replaces the log up to `uptoSeq` with `state` (which must contain every update up to
   * it), in one transaction. Never moves a snapshot backwards.
   */
  async compact(docId: string, state: Uint8Array, uptoSeq: number): Promise<boolean> {
    const { t } = this.d;
    return this.d.transaction(async (tx) => {
      const [current] = await tx.select({ seq: t.docSnapshots.seq }).from(t.docSnapshots).where(eq(t.docSnapshots.docId, docId));
      if (current && current.seq >= uptoSeq) return false;
      const row = { docId, state: toBuffer(state), seq: uptoSeq, at: new Date() };
      await tx.insert(t.docSnapshots).values(row).onConflictDoUpdate({ target: t.docSnapshots.docId, set: { state: row.state, seq: row.seq, at: row.at } });
      await tx.delete(t.docUpdates).where(and(eq(t.docUpdates.docId, docId), lte(t.docUpdates.seq, uptoSeq)));
      return true;
    });
  }

  /**
   * Compacts a document that is not loaded anywhere: merges snapshot and log with
   * `Y.mergeUpdates` inside the transaction that replaces them.
   */
  async compactStored(docId: string): Promise<void> {
    const stored = await this.load(docId);
    if (stored.lastSeq === stored.snapshotSeq) return;
    await this.compact(docId, mergeStored(stored.updates), stored.lastSeq);
  }

  /** The document's state as one update, straight from the store. */
  async readState(docId: string): Promise<Uint8Array> {
    return mergeStored((await this.load(docId)).updates);
  }

  /**
   * SQLite: a prepared single-row insert, kept for the writing connection (drizzle would
   * otherwise build and prepare the statement for every append: about 40 µs of the 70).
   */
  private insertOne(tx: Db) {
    if (this.prepared?.tx !== tx) {
      const p = (name: string) => sql.placeholder(name) as never;
      this.prepared = { tx, query: tx.insert(this.d.t.docUpdates).values({ docId: p('docId'), seq: p('seq'), update: p('update'), at: p('at') }).prepare('doc_updates_append') };
    }
    return this.prepared.query;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate: appends that arrived in the same turn of the event loop share a batch.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const { t } = this.d;
        const at = new Date();
        try {
          await this.d.transaction(async (tx) => {
            const [one] = batch;
            if (batch.length === 1 && this.d.dialect === 'sqlite') await this.insertOne(tx).execute({ docId: one!.docId, seq: one!.seq, update: toBuffer(one!.update), at });
            else await tx.insert(t.docUpdates).values(batch.map((p) => ({ docId: p.docId, seq: p.seq, update: toBuffer(p.update), at })));
          });
        } catch (e) {
          for (const p of batch) p.reject(e);
          continue;
        }
        for (const p of batch) p.resolve();
      }
    } finally {
      this.flushing = null;
    }
  }
}

/** Merges stored updates; a corrupt one is skipped rather than making the document unreadable. */
export function mergeStored(updates: Uint8Array[]): Uint8Array {
  if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  try {
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  } catch {
    const doc = new Y.Doc();
    applyStored(doc, updates);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  }
}

/** Applies stored updates one by one; returns how many could not be applied. */
export function applyStored(doc: Y.Doc, updates: Uint8Array[], origin: unknown = null): number {
  let failed = 0;
  doc.transact(() => {
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u, origin);
      } catch {
        failed++;
      }
    }
  }, origin);
  return failed;
}
