/*
 * A reactive view of a board for the UI, framework-free: the independent marks (fixed)
 * plus the shared document (live) give each cell's status. Each cell has its own
 * subscription key, so a remote change re-renders only the cells it touched.
 */
import type * as Y from 'yjs';
import { cellKey, type Mark } from '@/lib/tally/model';
import { BoardDoc } from './board-doc';
import { cellStatus, isOpen, type CellStatus } from './cells';

export interface BoardCell {
  cell: string;
  behaviourKey: string;
  interval: number;
  marks: Mark[];
  status: CellStatus;
  value: Mark | null;
  /** Marks each coder has signed on the board (undefined = not signed). */
  signatures: (Mark | undefined)[];
  reopened: boolean;
  unclear: boolean;
}

type Listener = () => void;

export class BoardStore {
  readonly board: BoardDoc;
  private cells = new Map<string, BoardCell>();
  private listeners = new Map<string, Set<Listener>>();
  private version = 0;

  constructor(
    doc: Y.Doc,
    readonly behaviourKeys: readonly string[],
    readonly intervals: number,
    readonly coderIds: readonly string[],
    /** Each coder's marked cells ("<behaviour>@<interval>" with value 1). */
    marked: readonly Set<string>[],
  ) {
    this.board = new BoardDoc(doc);
    for (const b of behaviourKeys) {
      for (let i = 0; i < intervals; i++) {
        const key = cellKey(b, i);
        this.cells.set(key, this.compute(key, b, i, marked.map((m) => (m.has(key) ? 1 : 0))));
      }
    }
    const refresh = (keys: Iterable<string>) => {
      const touched = new Set<string>();
      for (const k of keys) touched.add(k.split('|')[0]!);
      for (const key of touched) this.recompute(key);
      this.version++;
      this.emit('*');
    };
    this.board.proposals.observe((e) => refresh(e.keysChanged));
    this.board.reopenedCells.observe((e) => refresh(e.keysChanged));
    this.board.unclearFlags.observe((e) => refresh(e.keysChanged));
    this.board.signoffs.observe(() => {
      this.version++;
      this.emit('*');
    });
    this.board.ratingValues.observe(() => {
      this.version++;
      this.emit('*');
    });
  }

  cell(key: string): BoardCell | undefined {
    return this.cells.get(key);
  }

  all(): BoardCell[] {
    return [...this.cells.values()];
  }

  /** Changes with every board change: a cheap snapshot key for summaries. */
  revision(): number {
    return this.version;
  }

  openCount(filter?: (c: BoardCell) => boolean): number {
    let n = 0;
    for (const c of this.cells.values()) if (isOpen(c.status) && (!filter || filter(c))) n++;
    return n;
  }

  subscribe(key: string, fn: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  private recompute(key: string): void {
    const before = this.cells.get(key);
    if (!before) return;
    this.cells.set(key, this.compute(key, before.behaviourKey, before.interval, before.marks));
    this.emit(key);
  }

  private compute(key: string, behaviourKey: string, interval: number, marks: Mark[]): BoardCell {
    const signatures = this.coderIds.map((c) => this.board.proposal(key, c)?.value);
    const reopened = this.board.reopenedCells.has(key);
    const { status, value } = cellStatus(marks, reopened, signatures);
    const unclear = this.coderIds.some((c) => this.board.isUnclear(key, c));
    return { cell: key, behaviourKey, interval, marks, status, value, signatures, reopened, unclear };
  }

  private emit(key: string): void {
    this.listeners.get(key)?.forEach((fn) => fn());
  }
}
