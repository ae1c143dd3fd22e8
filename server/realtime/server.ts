/*
 * The realtime endpoint: websocket upgrades under `/realtime/<room>?token=…`, speaking the
 * y-websocket protocol. On every upgrade: the Origin must be ours, the token valid for this
 * room, and the board policy — asked again of the database — must allow the user in.
 * A refusal accepts the upgrade and closes at once with a 44xx code (no document byte is
 * sent; 44xx stops the y-websocket client's retries, an HTTP error would not).
 *
 * Rooms load on first join and unload after `idleUnloadMs` without connections. The server
 * is also the process's RealtimeHub (lib/realtime/hub.ts): room events arrive through
 * `RealtimeEvents`, so that several instances can later share them.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Database } from '@/lib/db';
import { DocStore } from '@/lib/realtime/doc-store';
import { LocalEvents, installRealtimeHub, realtimeHub, type RealtimeEvent, type RealtimeEvents, type RealtimeHub } from '@/lib/realtime/hub';
import { decideRoomAccess, parseRoom, type RoomRef } from '@/lib/realtime/room-access';
import { verifyRealtimeToken, type RoomMode } from '@/lib/realtime/token';
import { Connection } from './connection';
import { DEFAULT_LIMITS, type RealtimeLimits } from './limits';
import { CLOSE } from './protocol';
import { Room } from './room';

export const REALTIME_PATH = '/realtime/';
const PING_SLOTS = 10;

export interface RealtimeOptions {
  database: Database;
  /** The secret tokens are signed with (NEXTAUTH_SECRET). */
  secret: string;
  /** Origins allowed on the upgrade, e.g. NEXTAUTH_URL's origin. */
  origins: string[];
  limits?: Partial<RealtimeLimits>;
  /** Unload a room this long after its last connection left. */
  idleUnloadMs?: number;
  /** Compact a room's log into a snapshot after this many updates. */
  compactEvery?: number;
  pingIntervalMs?: number;
  events?: RealtimeEvents;
  log?: (message: string, error?: unknown) => void;
}

const lesser = (a: RoomMode, b: RoomMode): RoomMode => (a === 'read' || b === 'read' ? 'read' : 'write');

export class RealtimeServer implements RealtimeHub {
  readonly store: DocStore;
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly limits: RealtimeLimits;
  private readonly origins: Set<string>;
  private readonly events: RealtimeEvents;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly unsubscribe: () => void;
  private readonly ping: NodeJS.Timeout;
  private closing = false;
  private pingTick = 0;
  private accepted = 0;

  constructor(private readonly options: RealtimeOptions) {
    this.store = new DocStore(options.database);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.origins = new Set(options.origins.map((o) => new URL(o).origin));
    this.log = options.log ?? ((m, e) => console.error(m, e ?? ''));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
    this.wss.on('error', (e) => this.log('realtime: websocket server error', e));
    this.events = options.events ?? new LocalEvents();
    this.unsubscribe = this.events.subscribe((e) => this.onEvent(e));
    // Each connection is pinged once per interval, a tenth of them at a time (no burst).
    this.ping = setInterval(() => this.pingSome(), (options.pingIntervalMs ?? 30_000) / PING_SLOTS);
    this.ping.unref();
  }

  /** Whether this upgrade request is ours. */
  handles(req: IncomingMessage): boolean {
    return (req.url ?? '').startsWith(REALTIME_PATH);
  }

  /** Serves upgrades under /realtime/ on `server`; others go to `fallback` (or are dropped). */
  attach(server: Server, fallback?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.handles(req)) this.handleUpgrade(req, socket, head);
      else if (fallback) fallback(req, socket, head);
      else socket.destroy();
    });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    this.authorize(req).then(
      (verdict) => this.complete(req, socket, head, verdict),
      (e: unknown) => {
        this.log('realtime: authorising an upgrade failed', e);
        this.complete(req, socket, head, { refuse: CLOSE.internalError, reason: 'internal error' });
      },
    );
  }

  private async authorize(req: IncomingMessage): Promise<{ refuse: number; reason: string } | { room: RoomRef; userId: string; mode: RoomMode; tokenMode: RoomMode }> {
    if (this.closing) return { refuse: CLOSE.goingAway, reason: 'server shutting down' };
    if (!this.originAllowed(req.headers.origin)) return { refuse: CLOSE.forbidden, reason: 'origin not allowed' };
    const url = new URL(req.url ?? '/', 'http://localhost');
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(REALTIME_PATH.length));
    } catch {
      return { refuse: CLOSE.malformed, reason: 'bad room name' };
    }
    const room = parseRoom(name);
    if (!room) return { refuse: CLOSE.malformed, reason: 'bad room name' };
    const check = verifyRealtimeToken(this.options.secret, url.searchParams.get('token'), name);
    if (!check.ok) return { refuse: CLOSE.unauthorized, reason: `token ${check.reason}` };
    const { decision } = await decideRoomAccess(this.options.database, room, check.claims.sub);
    if (!decision.allowed) return { refuse: CLOSE.forbidden, reason: 'forbidden' };
    return { room, userId: check.claims.sub, mode: lesser(decision.mode, check.claims.mode), tokenMode: check.claims.mode };
  }

  private complete(req: IncomingMessage, socket: Duplex, head: Buffer, verdict: Awaited<ReturnType<RealtimeServer['authorize']>>): void {
    if (!socket.readable || !socket.writable) return void socket.destroy();
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // ws closes the socket itself after an error (1002, 1009, …); the handler keeps the
      // error from becoming an uncaught exception.
      ws.on('error', () => undefined);
      if ('refuse' in verdict) return ws.close(verdict.refuse, verdict.reason);
      if (this.closing) return ws.close(CLOSE.goingAway, 'server shutting down');
      this.accept(ws, verdict.room, verdict.userId, verdict.mode, verdict.tokenMode);
    });
  }

  private accept(ws: WebSocket, ref: RoomRef, userId: string, mode: RoomMode, tokenMode: RoomMode): void {
    const room = this.roomFor(ref.docId);
    const conn = new Connection(ws, room, userId, mode, tokenMode, this.limits, this.log);
    conn.pingSlot = this.accepted++ % PING_SLOTS;
    room.join(conn);
    ws.on('close', () => {
      conn.dispose();
      room.leave(conn);
      if (room.conns.size === 0 && this.rooms.get(room.docId) === room && !this.closing) {
        room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs ?? 30_000);
        room.idleTimer.unref();
      }
    });
    if (room.ready) conn.ready();
    else room.whenReady?.then(() => conn.ready(), () => conn.close(CLOSE.internalError, 'could not load the document'));
  }

  private roomFor(docId: string): Room {
    const existing = this.rooms.get(docId);
    if (existing) return existing;
    const room = new Room(docId, this.store, { compactEvery: this.options.compactEvery ?? 500, log: this.log });
    this.rooms.set(docId, room);
    room.whenReady = (async () => {
      await this.unloading.get(docId);
      await room.load();
    })();
    room.whenReady.catch((e: unknown) => {
      this.log(`realtime: loading ${docId} failed`, e);
      if (this.rooms.get(docId) === room) this.rooms.delete(docId);
    });
    return room;
  }

  private unload(room: Room, force = false): Promise<void> {
    if ((room.conns.size > 0 && !force) || this.rooms.get(room.docId) !== room) return Promise.resolve();
    this.rooms.delete(room.docId);
    const done = room
      .unload()
      .catch((e: unknown) => this.log(`realtime: unloading ${room.docId} failed`, e))
      .finally(() => {
        if (this.unloading.get(room.docId) === done) this.unloading.delete(room.docId);
      });
    this.unloading.set(room.docId, done);
    return done;
  }

  private originAllowed(origin: string | undefined): boolean {
    if (!origin) return false;
    try {
      return this.origins.has(new URL(origin).origin);
    } catch {
      return false;
    }
  }

  private pingSome(): void {
    this.pingTick = (this.pingTick + 1) % PING_SLOTS;
    for (const room of this.rooms.values()) {
      for (const c of room.conns) {
        if (c.pingSlot !== this.pingTick) continue;
        if (!c.alive) {
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        try {
          c.ws.ping();
        } catch {
          c.ws.terminate();
        }
      }
    }
  }

  // RealtimeHub: every call goes through the events, so another instance's rooms hear it too.

  freezeRoom(docId: string): Promise<void> {
    return this.events.publish({ kind: 'freeze', docId });
  }

  thawRoom(docId: string): Promise<void> {
    return this.events.publish({ kind: 'thaw', docId });
  }

  refreshRoom(docId: string): Promise<void> {
    return this.events.publish({ kind: 'refresh', docId });
  }

  revokeUser(userId: string): Promise<void> {
    return this.events.publish({ kind: 'revoke', userId });
  }

  async readDocState(docId: string): Promise<Uint8Array> {
    const room = this.rooms.get(docId);
    if (room?.ready) {
      await room.settled();
      return room.state();
    }
    await this.unloading.get(docId);
    return this.store.readState(docId);
  }

  private async onEvent(event: RealtimeEvent): Promise<void> {
    if (event.kind === 'freeze') {
      await this.rooms.get(event.docId)?.freeze();
    } else if (event.kind === 'thaw') {
      const room = this.rooms.get(event.docId);
      room?.thaw();
      // Writes dropped while frozen are only in the clients' documents: reconnecting resyncs them.
      for (const c of room?.conns ?? []) c.close(CLOSE.restart, 'resync');
    } else if (event.kind === 'refresh') {
      const room = this.rooms.get(event.docId);
      if (room) await this.recheck(room, [...room.conns]);
    } else {
      await Promise.all([...this.rooms.values()].map((room) => this.recheck(room, [...room.conns].filter((c) => c.userId === event.userId))));
    }
  }

  /** Asks the policy again for each connection; closes (4403) those that lost the room. */
  private async recheck(room: Room, conns: Connection[]): Promise<void> {
    const ref = parseRoom(room.docId);
    if (!ref || conns.length === 0) return;
    const byUser = new Map<string, Connection[]>();
    for (const c of conns) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
    await Promise.all(
      [...byUser].map(async ([userId, list]) => {
        const { decision } = await decideRoomAccess(this.options.database, ref, userId);
        for (const c of list) {
          if (!decision.allowed) c.close(CLOSE.forbidden, 'access revoked');
          else c.mode = room.frozen ? 'read' : lesser(decision.mode, c.tokenMode);
        }
      }),
    );
  }

  stats(): { rooms: number; connections: number; pendingWrites: number } {
    let connections = 0;
    for (const r of this.rooms.values()) connections += r.conns.size;
    return { rooms: this.rooms.size, connections, pendingWrites: this.store.pending };
  }

  /** Closes every connection (1001: clients reconnect later), stores what is pending, compacts and unloads every room. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (realtimeHub() === this) installRealtimeHub(null);
    clearInterval(this.ping);
    this.unsubscribe();
    const sockets: WebSocket[] = [];
    for (const room of this.rooms.values()) {
      for (const c of [...room.conns]) {
        sockets.push(c.ws);
        c.close(CLOSE.goingAway, 'server shutting down');
        room.leave(c);
      }
    }
    await this.store.drain();
    await Promise.all([...this.rooms.values()].map((r) => r.whenReady?.catch(() => undefined)));
    await Promise.all([...this.rooms.values()].map((r) => this.unload(r, true)));
    await Promise.all([...this.unloading.values()]);
    await waitClosed(sockets, 1000);
    this.wss.close();
  }
}

async function waitClosed(sockets: WebSocket[], ms: number): Promise<void> {
  const open = sockets.filter((s) => s.readyState !== s.CLOSED);
  if (open.length === 0) return;
  await Promise.race([Promise.all(open.map((s) => new Promise((r) => s.once('close', r)))), new Promise((r) => setTimeout(r, ms).unref())]);
  for (const s of open) if (s.readyState !== s.CLOSED) s.terminate();
}
