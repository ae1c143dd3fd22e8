/*
 * The tally page's autosave queue: device storage first, then the server; offline edits
 * kept and retried; nothing called "saved" before the server acknowledged it.
 */
import { describe, expect, it, vi } from 'vitest';
import { SyncQueue, type SendOutcome } from '@/lib/tally/sync-queue';
import type { CellWrite } from '@/lib/tally/model';
import { deferred, fakeSend, KEY, MemoryStorage, recordStates, useFakeTimers, w } from './sync-queue-fixture';

useFakeTimers();
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
