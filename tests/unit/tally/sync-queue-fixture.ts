/* What the sync-queue tests share: an in-memory device storage, a fake server, cell writes, fake timers. */
import { afterEach, beforeEach, vi } from 'vitest';
import type { KeyValueStorage, SaveState, SendOutcome, SyncQueue } from '@/lib/tally/sync-queue';
import type { CellWrite } from '@/lib/tally/model';

export const KEY = 'concord:tally:session-1:coder-a';

export class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  /** The writes stored under KEY, sorted, as a coder's device holds them. */
  stored(key = KEY): CellWrite[] {
    const raw = this.map.get(key);
    return raw ? sortWrites(Object.values(JSON.parse(raw) as Record<string, CellWrite>)) : [];
  }
}

export function sortWrites(ws: readonly CellWrite[]): CellWrite[] {
  return [...ws].sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
}

export function w(behaviourKey: string, interval: number, value: 0 | 1, clientTime: number, note = ''): CellWrite {
  return { behaviourKey, interval, value, note, moments: [], clientTime };
}

/** A fake server: records every batch; answers with whatever `next` says (default ok). */
export function fakeSend() {
  const batches: CellWrite[][] = [];
  let answer: () => Promise<SendOutcome> = async () => ({ kind: 'ok' });
  const send = vi.fn(async (cells: CellWrite[]) => {
    batches.push(sortWrites(cells));
    return answer();
  });
  return {
    send,
    batches,
    answer(fn: () => Promise<SendOutcome>) {
      answer = fn;
    },
    offline() {
      answer = async () => ({ kind: 'offline' });
    },
    online() {
      answer = async () => ({ kind: 'ok' });
    },
  };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Every state the queue reports to its subscribers, in order. */
export function recordStates(queue: SyncQueue): SaveState[] {
  const states: SaveState[] = [];
  queue.subscribe(() => states.push(queue.status().state));
  return states;
}

/** Every test of the calling file runs on fake timers (debounce and retry delays). */
export function useFakeTimers(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
