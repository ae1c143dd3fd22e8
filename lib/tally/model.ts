/*
 * A coder's independent tally: per behaviour and interval a mark (1 = seen at least once),
 * a private note and the playhead moments where it was seen. Cells are sparse: an absent
 * cell is an unmarked one with no note.
 */

export type Mark = 0 | 1;

export interface CellState {
  value: Mark;
  note: string;
  /** Playhead seconds where the coder saw the behaviour; several per mark. */
  moments: number[];
  /** When the coder's device made this change (ms); the later write wins. */
  clientTime: number;
}

/** One cell write, as the tally page sends it. */
export interface CellWrite extends CellState {
  behaviourKey: string;
  interval: number;
}

export interface RatingWrite {
  scaleKey: string;
  value: number | null;
  clientTime: number;
}

export interface TallyBatch {
  cells: CellWrite[];
  ratings: RatingWrite[];
}

export const MAX_NOTE_LENGTH = 2000;
export const MAX_MOMENTS_PER_CELL = 50;
export const MAX_BATCH_WRITES = 5000;

export function cellKey(behaviourKey: string, interval: number): string {
  return `${behaviourKey}@${interval}`;
}

export function emptyCell(): CellState {
  return { value: 0, note: '', moments: [], clientTime: 0 };
}

/** True when a cell carries nothing worth storing. */
export function isBlank(cell: CellState): boolean {
  return cell.value === 0 && cell.note === '' && cell.moments.length === 0;
}
