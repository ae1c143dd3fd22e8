/*
 * The tally page's autosave queue: device storage first, then the server; offline edits
 * kept and retried; nothing called "saved" before the server acknowledged it; two tabs on
 * one storage entry converge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncQueue, type KeyValueStorage, type SaveState, type SendOutcome } from '@/lib/tally/sync-queue';
import type { CellWrite } from '@/lib/tally/model';

const KEY = 'concord:tally:session-1:coder-a';

class MemoryStorage implements KeyValueStorage {
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

function sortWrites(ws: readonly CellWrite[]): CellWrite[] {
  return [...ws].sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey) || a.interval - b.interval);
}

function w(behaviourKey: string, interval: number, value: 0 | 1, clientTime: number, note = ''): CellWrite {
  return { behaviourKey, interval, value, note, moments: [], clientTime };
}

/** A fake server: records every batch; answers with whatever `next` says (default ok). */
function fakeSend() {
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

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Every state the queue reports to its subscribers, in order. */
function recordStates(queue: SyncQueue): SaveState[] {
  const states: SaveState[] = [];
  queue.subscribe(() => states.push(queue.status().state));
  return states;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SyncQueue: device storage first', () => {
  it('persists an edit before sending it, and sends after the debounce', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    let storedWhenSent: CellWrite[] | null = null;
    server.answer(async () => {
      storedWhenSent = storage.stored();
      return { kind: 'ok' };
    });
    const queue = new SyncQueue(storage, KEY, server.send, 250);

    queue.enqueue(w('b1', 0, 1, 100));
    expect(storage.stored()).toEqual([w('b1', 0, 1, 100)]);
    expect(queue.pending()).toEqual([w('b1', 0, 1, 100)]);
    expect(server.send).not.toHaveBeenCalled();
    expect(queue.status().state).toBe('syncing');

    await vi.advanceTimersByTimeAsync(250);
    expect(server.send).toHaveBeenCalledTimes(1);
    expect(storedWhenSent).toEqual([w('b1', 0, 1, 100)]);
    expect(storage.stored()).toEqual([]);
    expect(queue.status().state).toBe('saved');
  });

  it('keeps only the latest write per cell on the device', () => {
    const storage = new MemoryStorage();
    const queue = new SyncQueue(storage, KEY, fakeSend().send);
    queue.enqueue(w('b1', 0, 1, 100));
    queue.enqueue(w('b1', 0, 0, 200));
    queue.enqueue(w('b1', 0, 1, 150)); // older than what is stored: ignored
    queue.enqueue(w('b2', 3, 1, 120));
    expect(storage.stored()).toEqual([w('b1', 0, 0, 200), w('b2', 3, 1, 120)]);
  });

  it('batches edits made within the debounce into one send', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(100);
    queue.enqueue(w('b1', 1, 1, 101));
    await vi.advanceTimersByTimeAsync(100);
    queue.enqueue(w('b2', 0, 1, 102));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.batches).toEqual([[w('b1', 0, 1, 100), w('b1', 1, 1, 101), w('b2', 0, 1, 102)]]);
  });

  it('a new page finds the edits an earlier page left on the device and can deliver them', async () => {
    const storage = new MemoryStorage();
    const first = new SyncQueue(storage, KEY, fakeSend().send);
    first.enqueue(w('b1', 0, 1, 100)); // the tab is closed before the debounce fires
    vi.clearAllTimers();

    const server = fakeSend();
    const second = new SyncQueue(storage, KEY, server.send);
    expect(second.pending()).toEqual([w('b1', 0, 1, 100)]);
    expect(await second.flush()).toBe('saved');
    expect(server.batches).toEqual([[w('b1', 0, 1, 100)]]);
    expect(storage.stored()).toEqual([]);
  });

  it('survives garbage in the storage entry', async () => {
    const storage = new MemoryStorage();
    storage.setItem(KEY, '{not json');
    const server = fakeSend();
    const queue = new SyncQueue(storage, KEY, server.send);
    expect(queue.pending()).toEqual([]);
    queue.enqueue(w('b1', 0, 1, 1));
    expect(storage.stored()).toEqual([w('b1', 0, 1, 1)]);
  });
});

describe('SyncQueue: offline', () => {
  it('keeps the edits and reports "offline" when sending fails, then retries later', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    server.offline();
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.send).toHaveBeenCalledTimes(1);
    expect(queue.status().state).toBe('offline');
    expect(storage.stored()).toEqual([w('b1', 0, 1, 100)]);

    // Still down at the first retry: kept, still offline.
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(queue.status().state).toBe('offline');
    expect(storage.stored()).toEqual([w('b1', 0, 1, 100)]);

    // The network returns; the next retry (backed off) delivers without any call from the page.
    server.online();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.send).toHaveBeenCalledTimes(3);
    expect(server.batches[2]).toEqual([w('b1', 0, 1, 100)]);
    expect(storage.stored()).toEqual([]);
    expect(queue.status().state).toBe('saved');
  });

  it('treats a send that throws (fetch failed) as offline', async () => {
    const storage = new MemoryStorage();
    const send = vi.fn(async (): Promise<SendOutcome> => {
      throw new TypeError('fetch failed');
    });
    const queue = new SyncQueue(storage, KEY, send);
    queue.enqueue(w('b1', 0, 1, 100));
    expect(await queue.flush()).toBe('offline');
    expect(storage.stored()).toEqual([w('b1', 0, 1, 100)]);
  });

  it('edits made while offline are kept too and go out with the rest', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    server.offline();
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    queue.enqueue(w('b1', 0, 1, 100));
    await queue.flush();
    queue.enqueue(w('b1', 1, 1, 101));
    queue.enqueue(w('b1', 0, 0, 102));
    expect(queue.status().state).toBe('offline'); // not "syncing": the device is still offline
    expect(storage.stored()).toEqual([w('b1', 0, 0, 102), w('b1', 1, 1, 101)]);
    server.online();
    queue.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.batches.at(-1)).toEqual([w('b1', 0, 0, 102), w('b1', 1, 1, 101)]);
    expect(queue.status().state).toBe('saved');
  });

  it('online() flushes at once, without waiting for the retry timer', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    server.offline();
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    queue.enqueue(w('b1', 0, 1, 100));
    await queue.flush();
    expect(server.send).toHaveBeenCalledTimes(1);

    server.online();
    queue.online();
    await vi.advanceTimersByTimeAsync(0); // let the send's promise settle; no timer time passes
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(queue.status().state).toBe('saved');
    expect(storage.stored()).toEqual([]);
    // And the old retry timer does not send again.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.send).toHaveBeenCalledTimes(2);
  });
});

describe('SyncQueue: acknowledgement', () => {
  it('a newer write to the same cell made while a batch is in flight survives the acknowledgement', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    const gate = deferred<SendOutcome>();
    server.answer(() => gate.promise);
    const queue = new SyncQueue(storage, KEY, server.send, 250);

    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(250);
    expect(server.send).toHaveBeenCalledTimes(1);

    // In flight: the coder unmarks the same cell, and marks another.
    queue.enqueue(w('b1', 0, 0, 200));
    queue.enqueue(w('b2', 0, 1, 201));
    await vi.advanceTimersByTimeAsync(250); // the debounce fires while the first batch is in flight
    expect(server.send).toHaveBeenCalledTimes(1);

    server.online();
    gate.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);

    expect(server.batches[0]).toEqual([w('b1', 0, 1, 100)]);
    expect(server.batches[1]).toEqual([w('b1', 0, 0, 200), w('b2', 0, 1, 201)]);
    expect(storage.stored()).toEqual([]);
    expect(queue.status().state).toBe('saved');
  });

  it('a newer write stays on the device if the server is unreachable after the first acknowledgement', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    const gate = deferred<SendOutcome>();
    server.answer(() => gate.promise);
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(250);
    queue.enqueue(w('b1', 0, 0, 200));
    server.offline();
    gate.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.stored()).toEqual([w('b1', 0, 0, 200)]);
    expect(queue.status().state).toBe('offline');
  });

  it('reports "saved" only after the server acknowledged, never while a batch is in flight', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    const gate = deferred<SendOutcome>();
    server.answer(() => gate.promise);
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    const states = recordStates(queue);

    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.send).toHaveBeenCalledTimes(1);
    expect(queue.status().state).toBe('syncing');
    expect(states).toEqual(['syncing']);
    expect(storage.stored()).toEqual([w('b1', 0, 1, 100)]);

    gate.resolve({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['syncing', 'saved']);
  });

  it('an offline answer is never reported as saved', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    server.offline();
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    const states = recordStates(queue);
    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.send.mock.calls.length).toBeGreaterThan(1);
    expect(states).not.toContain('saved');
  });
});

describe('SyncQueue: rejection', () => {
  it('reports "rejected" with the message, drops the refused batch and does not retry it', async () => {
    const storage = new MemoryStorage();
    const server = fakeSend();
    server.answer(async () => ({ kind: 'rejected', message: 'This tally was submitted.' }));
    const queue = new SyncQueue(storage, KEY, server.send, 250);
    const states = recordStates(queue);
    queue.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(250);
    expect(queue.status()).toEqual({ state: 'rejected', message: 'This tally was submitted.' });
    expect(states).not.toContain('saved');
    expect(storage.stored()).toEqual([]);

    await vi.advanceTimersByTimeAsync(60_000);
    queue.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.send).toHaveBeenCalledTimes(1);
    expect(queue.status().state).toBe('rejected');
  });
});

describe('SyncQueue: two tabs on one storage entry', () => {
  it('either tab delivers the other tab\'s edits', async () => {
    const storage = new MemoryStorage();
    const serverA = fakeSend();
    const serverB = fakeSend();
    const tabA = new SyncQueue(storage, KEY, serverA.send, 250);
    const tabB = new SyncQueue(storage, KEY, serverB.send, 250);

    // Tab B cannot reach the server; tab A can.
    serverB.offline();
    tabB.enqueue(w('b2', 4, 1, 300));
    await vi.advanceTimersByTimeAsync(250);
    expect(tabB.status().state).toBe('offline');

    tabA.enqueue(w('b1', 0, 1, 310));
    await vi.advanceTimersByTimeAsync(250);
    expect(serverA.batches).toEqual([[w('b1', 0, 1, 310), w('b2', 4, 1, 300)]]);
    expect(storage.stored()).toEqual([]);

    // Tab B's next retry finds nothing left to send and comes back to "saved".
    serverB.online();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tabB.status().state).toBe('saved');
    expect(serverB.batches.flat()).not.toContainEqual(w('b1', 0, 1, 310));
  });

  it('a tab acknowledging an older write of a cell keeps the other tab\'s newer write of it', async () => {
    const storage = new MemoryStorage();
    const serverA = fakeSend();
    const gate = deferred<SendOutcome>();
    serverA.answer(() => gate.promise);
    const serverB = fakeSend();
    const tabA = new SyncQueue(storage, KEY, serverA.send, 250);
    const tabB = new SyncQueue(storage, KEY, serverB.send, 10_000);

    tabA.enqueue(w('b1', 0, 1, 100));
    await vi.advanceTimersByTimeAsync(250);
    expect(serverA.send).toHaveBeenCalledTimes(1);
    tabB.enqueue(w('b1', 0, 0, 200)); // the other tab unmarks it while A's batch is in flight
    gate.resolve({ kind: 'ok' });
    serverA.online();
    await vi.advanceTimersByTimeAsync(0);

    // A delivered its own write and then (still pending) B's newer one; nothing is lost.
    expect(serverA.batches.flat()).toContainEqual(w('b1', 0, 0, 200));
    await vi.advanceTimersByTimeAsync(10_000);
    const delivered = [...serverA.batches.flat(), ...serverB.batches.flat()].filter((x) => x.behaviourKey === 'b1' && x.interval === 0);
    expect(delivered.at(-1)).toEqual(w('b1', 0, 0, 200));
    expect(storage.stored()).toEqual([]);
  });

  it('both tabs converge on the latest write per cell whatever order they enqueue in', () => {
    const storage = new MemoryStorage();
    const tabA = new SyncQueue(storage, KEY, fakeSend().send);
    const tabB = new SyncQueue(storage, KEY, fakeSend().send);
    tabA.enqueue(w('b1', 0, 1, 500));
    tabB.enqueue(w('b1', 0, 0, 400)); // B's clock is behind: older, ignored
    tabB.enqueue(w('b1', 1, 1, 401));
    expect(sortWrites(tabA.pending())).toEqual([w('b1', 0, 1, 500), w('b1', 1, 1, 401)]);
    expect(sortWrites(tabB.pending())).toEqual(sortWrites(tabA.pending()));
  });

  it('storage keys per session and coder do not mix', async () => {
    const storage = new MemoryStorage();
    const serverA = fakeSend();
    const other = new SyncQueue(storage, 'concord:tally:session-2:coder-a', fakeSend().send);
    const queue = new SyncQueue(storage, KEY, serverA.send);
    other.enqueue(w('b1', 0, 1, 1));
    queue.enqueue(w('b9', 9, 1, 2));
    await queue.flush();
    expect(serverA.batches).toEqual([[w('b9', 9, 1, 2)]]);
    expect(storage.stored('concord:tally:session-2:coder-a')).toEqual([w('b1', 0, 1, 1)]);
  });
});
