/*
 * Autosave for the tally page, offline-tolerant. Every edit is first written to durable
 * browser storage (kept per session and coder, latest write per cell), then sent in
 * batches. Nothing is reported "saved" before the server acknowledged it. When the network
 * is down the edits stay on the device and are retried; two tabs share the same storage
 * entry, so either can deliver the other's edits.
 */
import { cellKey, type CellWrite } from './model';

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
    private readonly send: (cells: CellWrite[]) => Promise<SendOutcome>,
    private readonly debounceMs = 250,
  ) {}

  /** Edits left on this device by an earlier page (closed tab, offline, crash). */
  pending(): CellWrite[] {
    return Object.values(this.read());
  }

  enqueue(write: CellWrite): void {
    const map = this.read();
    const key = cellKey(write.behaviourKey, write.interval);
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
    const batch = this.pending();
    if (batch.length === 0) {
      if (this.state !== 'rejected') this.set('saved');
      return this.state;
    }
    this.inFlight = true;
    let outcome: SendOutcome;
    try {
      outcome = await this.send(batch);
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
    this.forget(batch);
    if (outcome.kind === 'rejected') {
      this.set('rejected', outcome.message);
      return this.state;
    }
    if (this.pending().length > 0) return this.flush();
    this.set('saved');
    return this.state;
  }

  /** The network came back: try at once. */
  online(): void {
    this.retryMs = 1000;
    void this.flush();
  }

  /** Drops the delivered writes, but keeps any newer write made meanwhile (by this or another tab). */
  private forget(sent: CellWrite[]): void {
    const map = this.read();
    for (const w of sent) {
      const key = cellKey(w.behaviourKey, w.interval);
      if (map[key] && map[key].clientTime <= w.clientTime) delete map[key];
    }
    if (Object.keys(map).length === 0) this.storage.removeItem(this.storageKey);
    else this.storage.setItem(this.storageKey, JSON.stringify(map));
  }

  private read(): Record<string, CellWrite> {
    try {
      return (JSON.parse(this.storage.getItem(this.storageKey) ?? '{}') as Record<string, CellWrite>) ?? {};
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
