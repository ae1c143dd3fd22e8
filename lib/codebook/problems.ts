/**
 * The codebook's share of problems (the shape itself is `Problem` in `@/lib/files/problems`):
 * a validation problem also says which item of the model it is about, so the editor can
 * highlight the field; an import yields either a codebook or its problems.
 */
import type { Problem } from '@/lib/files/problems';

export interface ProblemTarget {
  aspectKey?: string;
  groupKey?: string;
  behaviourKey?: string;
  scaleKey?: string;
  /** Model field path, e.g. `code`, `label.en`, `shortcut`, `anchors.2.value`. */
  field?: string;
  /** For clashes (duplicate code, shortcut): the key of the item that had it first. */
  otherKey?: string;
}

/** A problem of a codebook: `target` is the item of the model (for the editor: which field to highlight). */
export interface CodebookProblem extends Problem {
  target?: ProblemTarget;
}

export type ImportResult<T> = { ok: true; codebook: T } | { ok: false; problems: CodebookProblem[] };

/** Failure result; also a convenience for "return fail(problems)". */
export function fail<T>(problems: CodebookProblem[]): ImportResult<T> {
  return { ok: false, problems };
}
