/*
 * The tally page's in-memory state, framework-free. Each cell, each row's frequency and
 * the focus have their own subscription key, so a toggle re-renders only the cell that
 * changed and its row total — not the grid (see bench/tally-grid.tsx).
 */
import { cellKey, emptyCell, type CellState, type CellWrite, type Mark } from './model';

type Listener = () => void;

export class TallyStore {
  private cells = new Map<string, CellState>();
  private rowCounts = new Map<string, number>();
  private listeners = new Map<string, Set<Listener>>();
  private focusKey = '';

  constructor(initial: readonly CellWrite[] = []) {
    for (const w of initial) this.applyWrite(w, false);
  }

  cell(behaviourKey: string, interval: number): CellState {
    return this.cells.get(cellKey(behaviourKey, interval)) ?? EMPTY;
  }

  rowCount(behaviourKey: string): number {
    return this.rowCounts.get(behaviourKey) ?? 0;
  }

  focused(): string {
    return this.focusKey;
  }

  all(): CellWrite[] {
    return [...this.cells.entries()].map(([key, c]) => {
      const at = key.lastIndexOf('@');
      return { ...c, behaviourKey: key.slice(0, at), interval: Number(key.slice(at + 1)) };
    });
  }

  subscribe(key: string, fn: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  /** A local edit: returns the write to persist and send. */
  edit(behaviourKey: string, interval: number, patch: Partial<Pick<CellState, 'value' | 'note' | 'moments'>>, clientTime: number): CellWrite {
    const before = this.cell(behaviourKey, interval);
    const write: CellWrite = { ...before, ...patch, behaviourKey, interval, clientTime: Math.max(clientTime, before.clientTime + 1) };
    this.applyWrite(write, true);
    return write;
  }

  toggle(behaviourKey: string, interval: number, clientTime: number): CellWrite {
    const value: Mark = this.cell(behaviourKey, interval).value === 1 ? 0 : 1;
    return this.edit(behaviourKey, interval, { value }, clientTime);
  }

  /** A write from the server, another tab or the offline queue: the later client time wins. */
  merge(write: CellWrite): boolean {
    if (write.clientTime <= this.cell(write.behaviourKey, write.interval).clientTime) return false;
    this.applyWrite(write, true);
    return true;
  }

  setFocus(key: string): void {
    if (key === this.focusKey) return;
    const previous = this.focusKey;
    this.focusKey = key;
    this.emit(`focus:${previous}`);
    this.emit(`focus:${key}`);
  }

  private applyWrite(w: CellWrite, notify: boolean): void {
    const key = cellKey(w.behaviourKey, w.interval);
    const before = this.cells.get(key) ?? EMPTY;
    this.cells.set(key, { value: w.value, note: w.note, moments: w.moments, clientTime: w.clientTime });
    if (before.value !== w.value) this.rowCounts.set(w.behaviourKey, this.rowCount(w.behaviourKey) + (w.value === 1 ? 1 : -1));
    if (!notify) return;
    this.emit(key);
    if (before.value !== w.value) this.emit(`row:${w.behaviourKey}`);
    this.emit('*');
  }

  private emit(key: string): void {
    this.listeners.get(key)?.forEach((fn) => fn());
  }
}

const EMPTY: CellState = Object.freeze(emptyCell()) as CellState;
