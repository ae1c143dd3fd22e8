/* The tally page's autosave queue in two tabs on one storage entry: they converge, nothing is lost. */
import { describe, expect, it, vi } from 'vitest';
import { SyncQueue, type SendOutcome } from '@/lib/tally/sync-queue';
import { deferred, fakeSend, KEY, MemoryStorage, sortWrites, useFakeTimers, w } from './sync-queue-fixture';

useFakeTimers();

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
