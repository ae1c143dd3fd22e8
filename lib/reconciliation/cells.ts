/*
 * The rules of reconciliation, on plain data: which cells need settling, and when a cell
 * is settled. A disagreement (or a reopened agreed cell) is settled when every coder of
 * the session has signed the same mark; two different signatures are a visible conflict,
 * never a silent overwrite.
 */
import type { Mark } from '@/lib/tally/model';

export type CellStatus = 'agreed' | 'open' | 'proposed' | 'conflict' | 'settled';

export interface CellView {
  cell: string;
  marks: Mark[];
  status: CellStatus;
  /** The consensus mark once agreed or settled. */
  value: Mark | null;
}

/**
 * A cell's state from the coders' independent marks (in coder order), whether it was
 * reopened, and the coders' signatures (undefined where a coder has not signed).
 */
export function cellStatus(marks: readonly Mark[], reopened: boolean, signatures: readonly (Mark | undefined)[]): { status: CellStatus; value: Mark | null } {
  const agreed = marks.every((m) => m === marks[0]);
  if (agreed && !reopened) return { status: 'agreed', value: marks[0] ?? 0 };
  const signed = signatures.filter((s): s is Mark => s !== undefined);
  if (signed.length === 0) return { status: 'open', value: null };
  if (signed.some((s) => s !== signed[0])) return { status: 'conflict', value: null };
  if (signed.length < signatures.length) return { status: 'proposed', value: null };
  return { status: 'settled', value: signed[0]! };
}

export function isOpen(status: CellStatus): boolean {
  return status === 'open' || status === 'proposed' || status === 'conflict';
}

/** Finalizing needs no open cell, every rating settled, and every coder's sign-off. */
export function canFinalize(statuses: readonly CellStatus[], ratingsSettled: boolean, signedOff: number, coders: number): boolean {
  return statuses.every((s) => !isOpen(s)) && ratingsSettled && signedOff >= coders;
}
