/*
 * One client's websocket in a room: rate limits, decoding, and what each message may do.
 * Nothing a client sends can throw out of here: a malformed frame closes this connection
 * (4400), a flood closes it (4429), an unknown message type is dropped; other connections
 * and rooms never notice.
 */
import type { RawData, WebSocket } from 'ws';
import type { RoomMode } from '@/lib/realtime/token';
import { TokenBucket, type RealtimeLimits } from './limits';
import { CLOSE, FrameError, MAX_AWARENESS_ENTRIES, decodeMessage, encodeAck, encodeSyncStep2, type AwarenessEntry } from './protocol';
import type { Room } from './room';

/** A client that stops reading is cut off rather than buffered without end. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export class Connection {
  /** Client ids this connection announced in awareness (removed when it leaves). */
  readonly awarenessIds = new Set<number>();
  /** Answered the last ping; which tenth of the ping interval this connection is pinged in. */
  alive = true;
  pingSlot = 0;
  closed = false;
  /** Writes of a read-only member, dropped. */
  dropped = 0;
  private waiting: Uint8Array[] | null = [];
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly awarenessRate: TokenBucket;
  private pendingAwareness = new Map<number, AwarenessEntry>();
  private awarenessTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly userId: string,
    /** What the member may do now; never more than `tokenMode`. */
    public mode: RoomMode,
    readonly tokenMode: RoomMode,
    private readonly limits: RealtimeLimits,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond);
    this.awarenessRate = new TokenBucket(Math.max(1, limits.awarenessPerSecond), limits.awarenessPerSecond);
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('pong', () => (this.alive = true));
  }

  /** The room has loaded: greet, then handle what arrived meanwhile, in order. */
  ready(): void {
    if (this.closed) return;
    this.room.greet(this);
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const m of waiting) if (!this.closed) this.handle(m);
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.clearAwareness();
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  /** Called once the socket has closed, however it closed. */
  dispose(): void {
    this.closed = true;
    this.clearAwareness();
    this.waiting = null;
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(CLOSE.unsupportedData, 'binary frames only');
    const bytes = toBytes(data);
    if (!this.messages.take(1) || !this.bytes.take(bytes.length)) return this.close(CLOSE.tooManyRequests, 'rate limit');
    if (this.waiting) {
      if (this.waiting.length >= this.limits.maxQueuedWhileLoading) return this.close(CLOSE.tooManyRequests, 'too many messages while loading');
      this.waiting.push(bytes);
      return;
    }
    this.handle(bytes);
  }

  private handle(bytes: Uint8Array): void {
    try {
      const message = decodeMessage(bytes);
      switch (message.kind) {
        case 'sync-step1':
          this.send(encodeSyncStep2(this.room.state(), message.stateVector));
          break;
        case 'sync-step2':
        case 'update':
          if (this.mode === 'read') this.dropped++;
          else
            this.room
              .receiveUpdate(this, message.update, message.kind === 'sync-step2')
              .then((stored) => this.send(encodeAck(stored)))
              .catch((e: unknown) => this.fail(e));
          break;
        case 'awareness':
          this.receiveAwareness(message.entries, message.update);
          break;
        case 'query-awareness':
          this.send(this.room.awarenessMessage());
          break;
        case 'ignored':
          break;
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    if (e instanceof FrameError) return this.close(CLOSE.malformed, 'malformed message');
    this.log(`realtime: connection of ${this.userId} to ${this.room.docId} failed`, e);
    this.close(CLOSE.internalError, 'internal error');
  }

  /** Cursor and presence updates: applied at most `awarenessPerSecond`, the latest per client kept. */
  private receiveAwareness(entries: AwarenessEntry[], raw: Uint8Array): void {
    if (this.awarenessTimer === null && this.pendingAwareness.size === 0 && this.awarenessRate.take(1)) {
      this.applyAwareness(entries, raw);
      return;
    }
    for (const e of entries) this.pendingAwareness.set(e.clientId, e);
    if (this.pendingAwareness.size > MAX_AWARENESS_ENTRIES) return this.close(CLOSE.malformed, 'too many awareness ids');
    if (this.awarenessTimer === null) {
      this.awarenessTimer = setTimeout(() => {
        this.awarenessTimer = null;
        if (this.closed) return;
        this.awarenessRate.take(1);
        const pending = [...this.pendingAwareness.values()];
        this.pendingAwareness.clear();
        this.applyAwareness(pending, null);
      }, this.awarenessRate.waitFor(1));
    }
  }

  private applyAwareness(entries: AwarenessEntry[], raw: Uint8Array | null): void {
    try {
      if (!this.room.receiveAwareness(this, entries, raw, MAX_AWARENESS_ENTRIES)) this.close(CLOSE.malformed, 'too many awareness ids');
    } catch (e) {
      this.fail(e);
    }
  }

  private clearAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    this.pendingAwareness.clear();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
