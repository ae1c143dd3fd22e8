/*
 * One realtime document in memory (a session's board): the Y.Doc, its awareness, and the
 * connections in it.
 *
 * Write before relay: an update from a writer is checked, appended to the database log, and
 * only after its batch has committed is it applied to the document — and the document's
 * change relayed to the others. So the document in memory, which answers every sync request,
 * only ever holds stored state: whatever anyone saw is durable.
 *
 * Sync requests wait until snapshot + log are loaded, so no client ever gets an empty
 * document first. The log is compacted into a snapshot (the document's own state) after
 * `compactEvery` updates and when the room unloads.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates, applyAwarenessUpdate } from 'y-protocols/awareness';
import { applyStored, type DocStore } from '@/lib/realtime/doc-store';
import { encodeAwareness, encodeAwarenessMessage, encodeSyncStep1, encodeUpdate, inspectUpdate, type AwarenessEntry } from './protocol';
import type { Connection } from './connection';

export interface RoomOptions {
  compactEvery: number;
  log: (message: string, error?: unknown) => void;
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly conns = new Set<Connection>();
  /** Who announced each awareness client id: a connection may only update its own. */
  private readonly awarenessOwner = new Map<number, Connection>();
  ready = false;
  /** Set by the server: resolves once snapshot and log are loaded. */
  whenReady: Promise<void> | null = null;
  /** Every connection is read-only (the board was finalized) while the room stays loaded. */
  frozen = false;
  idleTimer: NodeJS.Timeout | null = null;
  private lastSeq = 0;
  private appliedSeq = 0;
  private snapshotSeq = 0;
  private sinceSnapshot = 0;
  private writes = 0;
  private waiters: Array<() => void> = [];
  private compacting: Promise<void> | null = null;

  constructor(
    readonly docId: string,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = encodeUpdate(update);
      for (const c of this.conns) if (c !== origin) c.send(message);
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, changed));
      for (const c of this.conns) if (c !== origin) c.send(message);
    });
  }

  /** Loads snapshot and log; a stored update that cannot be applied is skipped and logged. */
  async load(): Promise<void> {
    const stored = await this.store.load(this.docId);
    const failed = applyStored(this.doc, stored.updates, this);
    if (failed) this.options.log(`realtime: ${failed} stored update(s) of ${this.docId} could not be applied`);
    this.lastSeq = this.appliedSeq = stored.lastSeq;
    this.snapshotSeq = stored.snapshotSeq;
    this.sinceSnapshot = stored.logLength;
    this.ready = true;
  }

  join(conn: Connection): void {
    this.conns.add(conn);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.frozen) conn.mode = 'read';
  }

  /** Once loaded: our sync step 1 (the client answers with what we lack) and who is here. */
  greet(conn: Connection): void {
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.states.size > 0) conn.send(this.awarenessMessage());
  }

  awarenessMessage(): Uint8Array {
    return encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, [...this.awareness.states.keys()]));
  }

  /** Removes the connection and, at once, every awareness state it announced. */
  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    const ids = [...conn.awarenessIds];
    for (const id of ids) if (this.awarenessOwner.get(id) === conn) this.awarenessOwner.delete(id);
    if (ids.length) removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * A writer's update: checked (throws FrameError on garbage), dropped if it changes nothing,
   * stored, and only then applied and relayed. Resolves when applied; rejects if storing failed.
   */
  async receiveUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    if (!inspectUpdate(update, this.doc).changes) return;
    const seq = ++this.lastSeq;
    this.writes++;
    try {
      await this.store.append(this.docId, seq, update);
      try {
        Y.applyUpdate(this.doc, update, conn);
      } catch (e) {
        this.options.log(`realtime: update ${seq} of ${this.docId} was stored but could not be applied`, e);
      }
      this.appliedSeq = Math.max(this.appliedSeq, seq);
      if (++this.sinceSnapshot >= this.options.compactEvery) this.compactSoon();
    } finally {
      if (--this.writes === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /**
   * Applies awareness entries from `conn` (`raw`: the same entries as received, if unchanged);
   * entries for client ids another user's connection announced are dropped. Returns false when the
   * connection announces more than `maxIds` client ids.
   */
  receiveAwareness(conn: Connection, entries: AwarenessEntry[], raw: Uint8Array | null, maxIds: number): boolean {
    // A reconnecting client keeps its client id; its old socket may not have closed yet.
    const own = entries.filter((e) => (this.awarenessOwner.get(e.clientId) ?? conn).userId === conn.userId);
    for (const e of own) {
      if (conn.awarenessIds.has(e.clientId) || e.state === null) continue;
      if (conn.awarenessIds.size >= maxIds) return false;
      this.awarenessOwner.get(e.clientId)?.awarenessIds.delete(e.clientId);
      conn.awarenessIds.add(e.clientId);
      this.awarenessOwner.set(e.clientId, conn);
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, raw && own.length === entries.length ? raw : encodeAwareness(own), conn);
    return true;
  }

  /** Resolves when every update received so far is stored and applied (or failed). */
  settled(): Promise<void> {
    if (this.writes === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get openWrites(): number {
    return this.writes;
  }

  /** Every connection becomes read-only; resolves once the writes already received are stored. */
  async freeze(): Promise<void> {
    this.frozen = true;
    for (const c of this.conns) c.mode = 'read';
    await this.settled();
  }

  /** Replaces the log up to the last applied update with the document's state. */
  async compact(): Promise<void> {
    while (this.compacting) await this.compacting;
    if (this.appliedSeq <= this.snapshotSeq) return;
    const upto = this.appliedSeq;
    const count = this.sinceSnapshot;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.compacting = this.store
      .compact(this.docId, state, upto)
      .then(() => {
        this.snapshotSeq = upto;
        this.sinceSnapshot -= count;
      })
      .finally(() => (this.compacting = null));
    await this.compacting;
  }

  private compactSoon(): void {
    if (this.compacting) return;
    setImmediate(() => this.compact().catch((e: unknown) => this.options.log(`realtime: compaction of ${this.docId} failed`, e)));
  }

  /** Flushes (stores pending writes, compacts) and frees the document. */
  async unload(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.settled();
    if (this.ready) await this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
