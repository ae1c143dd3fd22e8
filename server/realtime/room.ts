/*
 * One realtime document in memory (a session's board) and the connections in it.
 *
 * The document is kept as Yjs updates — one merged state plus a short tail of recent updates —
 * not as a Y.Doc: the server never reads the board, it only stores, relays and answers sync
 * requests, and Yjs' update API (diffUpdate, mergeUpdates, encodeStateVectorFromUpdate) does
 * all three. A demo-sized board costs ~36 KB this way instead of ~300 KB as a Y.Doc (every
 * top-level type and item is a JS object), and an edit costs no integration work here.
 *
 * Write before relay: an update from a writer is checked (a complete decode), appended to
 * the database log, and only after its batch has committed is it added to the state,
 * relayed to the others and acknowledged to its sender. So the state, which answers every
 * sync request, only ever holds stored updates: whatever anyone saw is durable.
 *
 * Sync requests wait until snapshot + log are loaded (no client ever gets an empty document
 * first). The log is compacted into a snapshot after `compactEvery` updates and when the
 * room unloads; compaction passes the state through a Y.Doc once, which garbage-collects
 * deleted content that merging alone keeps.
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { mergeStored, type DocStore } from '@/lib/realtime/doc-store';
import type { Connection } from './connection';
import { addsTo, encodeAwareness, encodeAwarenessMessage, encodeSyncStep1, encodeUpdate, validateUpdate, type AwarenessEntry, type ClockRanges } from './protocol';

export interface RoomOptions {
  compactEvery: number;
  log: (message: string, error?: unknown) => void;
}

/** Recent updates are merged into the state when there are this many, or this many bytes. */
const TAIL_UPDATES = 64;
const TAIL_BYTES = 256 * 1024;
/** An empty document as an update: no structs, no deletions. */
const EMPTY = new Uint8Array([0, 0]);

export class Room {
  /** Awareness needs a Y.Doc only for its client id; this one stays empty. */
  readonly awareness = new Awareness(new Y.Doc());
  readonly conns = new Set<Connection>();
  /** Who announced each awareness client id: a connection may only update its own. */
  private readonly awarenessOwner = new Map<number, Connection>();
  ready = false;
  /** Set by the server: resolves once snapshot and log are loaded. */
  whenReady: Promise<void> | null = null;
  /** Every connection is read-only (the board was finalized) while the room stays loaded. */
  frozen = false;
  idleTimer: NodeJS.Timeout | null = null;
  private base: Uint8Array = EMPTY;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  /** The state vector of base + tail (contiguous clocks only): what acknowledgements report. */
  private sv = new Map<number, number>();
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
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, added.concat(updated, removed)));
      for (const c of this.conns) if (c !== origin) c.send(message);
    });
  }

  /** Loads snapshot and log (a stored update that cannot be read is skipped). */
  async load(): Promise<void> {
    const stored = await this.store.load(this.docId);
    this.setBase(mergeStored(stored.updates));
    this.lastSeq = this.appliedSeq = stored.lastSeq;
    this.snapshotSeq = stored.snapshotSeq;
    this.sinceSnapshot = stored.logLength;
    this.ready = true;
  }

  /** The document's stored state as one update. */
  state(): Uint8Array {
    if (this.tail.length > 0) this.setBase(Y.mergeUpdates([this.base, ...this.tail]));
    return this.base;
  }

  private setBase(state: Uint8Array): void {
    this.base = state;
    this.tail = [];
    this.tailBytes = 0;
    this.sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  }

  join(conn: Connection): void {
    this.conns.add(conn);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.frozen) conn.mode = 'read';
  }

  /** Once loaded: our sync step 1 (the client answers with what we lack) and who is here. */
  greet(conn: Connection): void {
    conn.send(encodeSyncStep1(this.state()));
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
   * A writer's update: checked (throws FrameError on garbage), stored, and only then added
   * to the state and relayed. A sync step 2 that adds nothing is neither stored nor relayed.
   * Resolves, once stored, with the room's state vector (what the sender is acknowledged);
   * rejects if storing failed.
   */
  async receiveUpdate(conn: Connection, update: Uint8Array, step2: boolean): Promise<Map<number, number>> {
    const ranges = validateUpdate(update);
    if (step2) {
      // A client's sync step 2 carries all we lack, and often much we have: keep only the new part.
      const state = this.state();
      if (!addsTo(update, state)) return this.sv;
      update = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(state));
    }
    const seq = ++this.lastSeq;
    this.writes++;
    try {
      await this.store.append(this.docId, seq, update);
      this.tail.push(update);
      this.tailBytes += update.length;
      if (this.tail.length >= TAIL_UPDATES || this.tailBytes >= TAIL_BYTES) this.state();
      else this.advance(ranges);
      this.appliedSeq = Math.max(this.appliedSeq, seq);
      const message = encodeUpdate(update);
      for (const c of this.conns) if (c !== conn) c.send(message);
      if (++this.sinceSnapshot >= this.options.compactEvery) this.compactSoon();
      return this.sv;
    } finally {
      if (--this.writes === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  /** Moves the state vector on by an added update's structs where they continue it (never beyond a gap). */
  private advance(ranges: ClockRanges): void {
    for (const [client, { from, to }] of ranges) {
      const have = this.sv.get(client) ?? 0;
      if (from <= have && to > have) this.sv.set(client, to);
    }
  }

  /**
   * Applies awareness entries from `conn` (`raw`: the same entries as received, if unchanged);
   * entries for client ids another user's connection announced are dropped. Returns false
   * when the connection announces more than `maxIds` client ids.
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

  /** Resolves when every update received so far is stored and added (or failed). */
  settled(): Promise<void> {
    if (this.writes === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Every connection becomes read-only; resolves once the writes already received are stored. */
  async freeze(): Promise<void> {
    this.frozen = true;
    for (const c of this.conns) c.mode = 'read';
    await this.settled();
  }

  /** Lifts the freeze; the caller re-decides the modes. */
  thaw(): void {
    this.frozen = false;
  }

  /** Replaces the log up to the last added update with the (garbage-collected) state. */
  async compact(): Promise<void> {
    while (this.compacting) await this.compacting;
    if (this.appliedSeq <= this.snapshotSeq) return;
    const upto = this.appliedSeq;
    const count = this.sinceSnapshot;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.state());
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    this.compacting = this.store
      .compact(this.docId, state, upto)
      .then(() => {
        // Updates added meanwhile stay in the tail, on top of the collected state.
        if (this.appliedSeq === upto) this.setBase(state);
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
    this.setBase(EMPTY);
  }
}
