/*
 * Autosave for the tally page, offline-tolerant. Every edit is first written to durable
 * browser storage (kept per session and coder, latest write per cell), then sent in
 * batches. Nothing is reported "saved" before the server acknowledged it. When the network
 * is down the edits stay on the device and are retried; two tabs share the same storage
 * entry, so either can deliver the other's edits.
 */
import { cellKey, type CellWrite, type RatingWrite } from './model';

type Queued = CellWrite | RatingWrite;
export const MAX_CELLS_PER_SEND = 500;
/** Storage keys of rating writes; cell keys contain '@' and never start with this. */
const RATING = 'rating:';

export type SaveState = 'saved' | 'syncing' | 'offline' | 'rejected';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What sending a batch came to: delivered, not reachable (retry), or refused (do not retry). */
export type SendOutcome = { kind: 'ok' } | { kind: 'offline' } | { kind: 'rejected'; message: string };

export class SyncQueue {
  private state: SaveState = 'saved';
  private message = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private retryMs = 1000;
  private listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly storageKey: string,
    private readonly send: (cells: CellWrite[], ratings: RatingWrite[]) => Promise<SendOutcome>,
    private readonly debounceMs = 250,
  ) {}

  /** Cell edits left on this device by an earlier page (closed tab, offline, crash). */
  pending(): CellWrite[] {
    return Object.entries(this.read())
      .filter(([key]) => !key.startsWith(RATING))
      .map(([, w]) => w as CellWrite);
  }

  /** Rating edits left on this device. */
  pendingRatings(): RatingWrite[] {
    return Object.entries(this.read())
      .filter(([key]) => key.startsWith(RATING))
      .map(([, w]) => w as RatingWrite);
  }

  enqueue(write: CellWrite): void {
    this.store(cellKey(write.behaviourKey, write.interval), write);
  }

  enqueueRating(write: RatingWrite): void {
    this.store(RATING + write.scaleKey, write);
  }

  private store(key: string, write: Queued): void {
    const map = this.read();
    if (!map[key] || map[key].clientTime < write.clientTime) map[key] = write;
    this.storage.setItem(this.storageKey, JSON.stringify(map));
    if (this.state !== 'offline') this.set('syncing');
    this.schedule(this.debounceMs);
  }

  status(): { state: SaveState; message: string } {
    return { state: this.state, message: this.message };
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Sends everything pending now; resolves when the queue is empty or delivery failed. */
  async flush(): Promise<SaveState> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) return this.state;
    // Bounded batches keep each request well under the server's body limit (2 MB).
    const batch = this.pending().slice(0, MAX_CELLS_PER_SEND);
    const ratings = this.pendingRatings();
    if (batch.length + ratings.length === 0) {
      if (this.state !== 'rejected') this.set('saved');
      return this.state;
    }
    this.inFlight = true;
    let outcome: SendOutcome;
    try {
      outcome = await this.send(batch, ratings);
    } catch {
      outcome = { kind: 'offline' };
    }
    this.inFlight = false;
    if (outcome.kind === 'offline') {
      this.set('offline');
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
      return this.state;
    }
    this.retryMs = 1000;
    this.forget([...batch.map((w) => [cellKey(w.behaviourKey, w.interval), w] as const), ...ratings.map((w) => [RATING + w.scaleKey, w] as const)]);
    if (outcome.kind === 'rejected') {
      this.set('rejected', outcome.message);
      if (Object.keys(this.read()).length > 0) this.schedule(this.debounceMs);
      return this.state;
    }
    if (Object.keys(this.read()).length > 0) return this.flush();
    this.set('saved');
    return this.state;
  }

  /** The network came back: try at once. */
  online(): void {
    this.retryMs = 1000;
    void this.flush();
  }

  /** Drops the delivered writes, but keeps any newer write made meanwhile (by this or another tab). */
  private forget(sent: (readonly [string, Queued])[]): void {
    const map = this.read();
    for (const [key, w] of sent) {
      if (map[key] && map[key].clientTime <= w.clientTime) delete map[key];
    }
    if (Object.keys(map).length === 0) this.storage.removeItem(this.storageKey);
    else this.storage.setItem(this.storageKey, JSON.stringify(map));
  }

  private read(): Record<string, Queued> {
    try {
      return (JSON.parse(this.storage.getItem(this.storageKey) ?? '{}') as Record<string, Queued>) ?? {};
    } catch {
      return {};
    }
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private set(state: SaveState, message = ''): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.listeners.forEach((fn) => fn());
  }
}
