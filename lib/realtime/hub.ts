/*
 * The realtime server as the rest of the application sees it: route handlers tell it that a
 * board was finalized or that someone's rights changed, and read a document's current state.
 *
 * The server (server/realtime) installs its hub on globalThis under a registered symbol,
 * because the Next.js bundle loads its own copies of lib/ modules (as lib/db does). Room
 * events travel through `RealtimeEvents`: in one process a direct call (`LocalEvents`); with
 * several instances, an implementation over PostgreSQL LISTEN/NOTIFY or Redis delivers each
 * event to every instance, and the instance that owns the room acts on it.
 */
import { database } from '@/lib/db';
import { DocStore } from './doc-store';

export type RealtimeEvent =
  /** Every connection of the room becomes read-only (the board was finalized). */
  | { kind: 'freeze'; docId: string }
  /** A freeze is lifted (finalizing failed): the policy decides the modes again, clients resync. */
  | { kind: 'thaw'; docId: string }
  /** Re-check everyone in the room against the policy; close those who lost access. */
  | { kind: 'refresh'; docId: string }
  /** Re-check every connection of this user (roles changed, member removed). */
  | { kind: 'revoke'; userId: string };

export interface RealtimeEvents {
  /** Delivers the event to every subscriber (every instance) and resolves when they acted. */
  publish(event: RealtimeEvent): Promise<void>;
  subscribe(handler: (event: RealtimeEvent) => Promise<void>): () => void;
}

/** Events within one process. */
export class LocalEvents implements RealtimeEvents {
  private handlers = new Set<(event: RealtimeEvent) => Promise<void>>();

  async publish(event: RealtimeEvent): Promise<void> {
    await Promise.all([...this.handlers].map((h) => h(event)));
  }

  subscribe(handler: (event: RealtimeEvent) => Promise<void>): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}

export interface RealtimeHub {
  /** Makes every connection of the room read-only; resolves once the room's pending writes are stored. */
  freezeRoom(docId: string): Promise<void>;
  /**
   * Lifts a freeze (a finalize that failed its checks). Connections are closed with 1012 so
   * that their clients reconnect and send again anything dropped while the room was frozen.
   */
  thawRoom(docId: string): Promise<void>;
  /** Re-checks the policy for everyone in the room; closes (4403) those who lost access. */
  refreshRoom(docId: string): Promise<void>;
  /** Re-checks the policy for every connection of the user. */
  revokeUser(userId: string): Promise<void>;
  /** The document's current state as one Yjs update (from memory if loaded, else the store). */
  readDocState(docId: string): Promise<Uint8Array>;
}

const KEY = Symbol.for('concord.realtime');
type Holder = { [KEY]?: RealtimeHub };

/** The running realtime server's hub, or null when none runs in this process (CLI, tests). */
export function realtimeHub(): RealtimeHub | null {
  return (globalThis as Holder)[KEY] ?? null;
}

export function installRealtimeHub(hub: RealtimeHub | null): void {
  if (hub) (globalThis as Holder)[KEY] = hub;
  else delete (globalThis as Holder)[KEY];
}

/** A document's current state: through the running server if any, else from the database. */
export async function readDocState(docId: string): Promise<Uint8Array> {
  const hub = realtimeHub();
  if (hub) return hub.readDocState(docId);
  return new DocStore(await database()).readState(docId);
}
