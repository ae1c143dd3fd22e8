/*
 * The tally page's in-memory store: toggles, fine-grained subscriptions (a toggle notifies
 * its cell and its row total, nothing else), last-writer-wins merging and focus.
 */
import { describe, expect, it, vi } from 'vitest';
import { TallyStore } from '@/lib/tally/client-store';
import { cellKey, type CellWrite } from '@/lib/tally/model';

function write(behaviourKey: string, interval: number, value: 0 | 1, clientTime: number, note = ''): CellWrite {
  return { behaviourKey, interval, value, note, moments: [], clientTime };
}

describe('TallyStore: toggling', () => {
  it('a toggle marks the cell, raises the row count, and a second toggle undoes both', () => {
    const store = new TallyStore();
    expect(store.cell('b1', 0).value).toBe(0);
    expect(store.rowCount('b1')).toBe(0);

    const w = store.toggle('b1', 0, 100);
    expect(w).toMatchObject({ behaviourKey: 'b1', interval: 0, value: 1, clientTime: 100 });
    expect(store.cell('b1', 0).value).toBe(1);
    expect(store.rowCount('b1')).toBe(1);

    store.toggle('b1', 3, 101);
    expect(store.rowCount('b1')).toBe(2);
    expect(store.rowCount('b2')).toBe(0);

    store.toggle('b1', 0, 102);
    expect(store.cell('b1', 0).value).toBe(0);
    expect(store.rowCount('b1')).toBe(1);
  });

  it('counts the initial cells into the row totals', () => {
    const store = new TallyStore([write('b1', 0, 1, 5), write('b1', 1, 1, 5), write('b1', 2, 0, 5, 'doubt'), write('b2', 0, 1, 5)]);
    expect(store.rowCount('b1')).toBe(2);
    expect(store.rowCount('b2')).toBe(1);
    expect(store.cell('b1', 2).note).toBe('doubt');
  });

  it('a note edit keeps the mark and does not change the row count', () => {
    const store = new TallyStore();
    store.toggle('b1', 0, 10);
    const w = store.edit('b1', 0, { note: 'why I marked this' }, 11);
    expect(w).toMatchObject({ value: 1, note: 'why I marked this' });
    expect(store.rowCount('b1')).toBe(1);
  });

  it('all() returns every stored cell with its key split back, even keys containing "@"', () => {
    const store = new TallyStore();
    store.toggle('odd@key', 4, 10);
    store.toggle('b1', 0, 11);
    expect(store.all().sort((a, b) => a.behaviourKey.localeCompare(b.behaviourKey))).toEqual([
      { behaviourKey: 'b1', interval: 0, value: 1, note: '', moments: [], clientTime: 11 },
      { behaviourKey: 'odd@key', interval: 4, value: 1, note: '', moments: [], clientTime: 10 },
    ]);
  });
});

describe('TallyStore: subscriptions', () => {
  it('a toggle notifies that cell and its row, not other cells or rows', () => {
    const store = new TallyStore();
    const mine = vi.fn();
    const sameRowOtherInterval = vi.fn();
    const otherRowSameInterval = vi.fn();
    const myRow = vi.fn();
    const otherRow = vi.fn();
    store.subscribe(cellKey('b1', 2), mine);
    store.subscribe(cellKey('b1', 3), sameRowOtherInterval);
    store.subscribe(cellKey('b2', 2), otherRowSameInterval);
    store.subscribe('row:b1', myRow);
    store.subscribe('row:b2', otherRow);

    store.toggle('b1', 2, 100);

    expect(mine).toHaveBeenCalledTimes(1);
    expect(myRow).toHaveBeenCalledTimes(1);
    expect(sameRowOtherInterval).not.toHaveBeenCalled();
    expect(otherRowSameInterval).not.toHaveBeenCalled();
    expect(otherRow).not.toHaveBeenCalled();
  });

  it('a note edit notifies the cell but not the row total (the count did not change)', () => {
    const store = new TallyStore();
    const cell = vi.fn();
    const row = vi.fn();
    store.subscribe(cellKey('b1', 0), cell);
    store.subscribe('row:b1', row);
    store.edit('b1', 0, { note: 'hmm' }, 5);
    expect(cell).toHaveBeenCalledTimes(1);
    expect(row).not.toHaveBeenCalled();
  });

  it('unsubscribing stops notifications', () => {
    const store = new TallyStore();
    const fn = vi.fn();
    const off = store.subscribe(cellKey('b1', 0), fn);
    store.toggle('b1', 0, 1);
    off();
    store.toggle('b1', 0, 2);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('constructing with initial cells notifies nobody', () => {
    const store = new TallyStore([write('b1', 0, 1, 1)]);
    const fn = vi.fn();
    store.subscribe('*', fn);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('TallyStore: merge is last-writer-wins by clientTime', () => {
  it('applies a newer write and notifies the cell', () => {
    const store = new TallyStore();
    store.toggle('b1', 0, 100);
    const fn = vi.fn();
    store.subscribe(cellKey('b1', 0), fn);
    expect(store.merge(write('b1', 0, 0, 200, 'from the other tab'))).toBe(true);
    expect(store.cell('b1', 0)).toMatchObject({ value: 0, note: 'from the other tab', clientTime: 200 });
    expect(store.rowCount('b1')).toBe(0);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('ignores an older write, without notifying', () => {
    const store = new TallyStore();
    store.toggle('b1', 0, 100);
    const fn = vi.fn();
    store.subscribe(cellKey('b1', 0), fn);
    expect(store.merge(write('b1', 0, 0, 99, 'stale'))).toBe(false);
    expect(store.cell('b1', 0)).toMatchObject({ value: 1, note: '', clientTime: 100 });
    expect(store.rowCount('b1')).toBe(1);
    expect(fn).not.toHaveBeenCalled();
  });

  it('ignores a write with an equal clientTime', () => {
    const store = new TallyStore();
    store.toggle('b1', 0, 100);
    expect(store.merge(write('b1', 0, 0, 100, 'same time'))).toBe(false);
    expect(store.cell('b1', 0)).toMatchObject({ value: 1, note: '' });
  });

  it('applies a merge into an empty cell (any clientTime above 0)', () => {
    const store = new TallyStore();
    expect(store.merge(write('b9', 7, 1, 1))).toBe(true);
    expect(store.rowCount('b9')).toBe(1);
  });

  it('an edit after a merge gets a clientTime above the stored one, even when the local clock is behind', () => {
    const store = new TallyStore();
    store.merge(write('b1', 0, 1, 5_000));
    const w = store.toggle('b1', 0, 1_000); // this device's clock is behind the other tab's
    expect(w.clientTime).toBeGreaterThan(5_000);
    expect(store.cell('b1', 0)).toMatchObject({ value: 0, clientTime: w.clientTime });
    // … so the edit survives a replay of the merged write.
    expect(store.merge(write('b1', 0, 1, 5_000))).toBe(false);
    expect(store.cell('b1', 0).value).toBe(0);
  });

  it('an edit keeps the local clock when it is ahead', () => {
    const store = new TallyStore();
    store.merge(write('b1', 0, 1, 5_000));
    expect(store.toggle('b1', 0, 9_000).clientTime).toBe(9_000);
  });
});

describe('TallyStore: focus', () => {
  it('notifies only the previously and the newly focused cell', () => {
    const store = new TallyStore();
    const a = vi.fn();
    const b = vi.fn();
    const c = vi.fn();
    store.subscribe(`focus:${cellKey('b1', 0)}`, a);
    store.subscribe(`focus:${cellKey('b1', 1)}`, b);
    store.subscribe(`focus:${cellKey('b2', 0)}`, c);

    store.setFocus(cellKey('b1', 0));
    expect(store.focused()).toBe(cellKey('b1', 0));
    expect([a.mock.calls.length, b.mock.calls.length, c.mock.calls.length]).toEqual([1, 0, 0]);

    store.setFocus(cellKey('b1', 1));
    expect(store.focused()).toBe(cellKey('b1', 1));
    expect([a.mock.calls.length, b.mock.calls.length, c.mock.calls.length]).toEqual([2, 1, 0]);
  });

  it('setting the same focus again notifies nobody', () => {
    const store = new TallyStore();
    store.setFocus(cellKey('b1', 0));
    const a = vi.fn();
    store.subscribe(`focus:${cellKey('b1', 0)}`, a);
    store.setFocus(cellKey('b1', 0));
    expect(a).not.toHaveBeenCalled();
  });

  it('a focus change does not notify cell or row subscribers', () => {
    const store = new TallyStore();
    const cell = vi.fn();
    const row = vi.fn();
    store.subscribe(cellKey('b1', 0), cell);
    store.subscribe('row:b1', row);
    store.setFocus(cellKey('b1', 0));
    store.setFocus(cellKey('b1', 1));
    expect(cell).not.toHaveBeenCalled();
    expect(row).not.toHaveBeenCalled();
  });
});
