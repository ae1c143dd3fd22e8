/**
 * Problems found in a file or a form: one shape for every import (codebooks, tallies, gold
 * standards) and for validation, so the UI and the CLI can show them the same way.
 *
 * Location fields:
 * - `file`: the imported file's name (imports only).
 * - `line`: for tables (CSV, XLSX), the spreadsheet row as the user sees it (header = row 1);
 *   for text formats (JSON, XML), the text line. 1-based.
 * - `column`: for tables, the column name as in the header (e.g. `polarity`);
 *   for text formats, the 1-based character column on that line.
 *
 * `code` is a stable machine key for translation (e.g. `duplicate-code`); `message` is English.
 */

export interface Problem {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: string | number;
}

export function problem(code: string, message: string, where: Omit<Problem, 'code' | 'message'> = {}): Problem {
  return { code, message, ...where };
}

/** "demo.csv, row 3, column polarity: …" / "demo.qdc, line 12, column 7: …" */
export function describeProblem(p: Problem): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  const tabular = typeof p.column === 'string' || /\.(csv|tsv|txt|xlsx|xlsm)$/i.test(p.file ?? '');
  if (p.line !== undefined) parts.push(`${tabular ? 'row' : 'line'} ${p.line}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  return parts.length ? `${parts.join(', ')}: ${p.message}` : p.message;
}

/** At most this many problems are returned by an import; the last one then says how many more there were. */
export const MAX_REPORTED_PROBLEMS = 1000;

export function capProblems<P extends Problem>(problems: P[], file?: string): (P | Problem)[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const more = problems.length - (MAX_REPORTED_PROBLEMS - 1);
  const last = problem('too-many-problems', `…and ${more} more problems. Fix the ones above and import again.`, file ? { file } : {});
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS - 1), last];
}

/** Sorts by line, then column order as given, keeping the original order otherwise. */
export function sortProblems<P extends Problem>(problems: P[], columnOrder: readonly string[] = []): P[] {
  const colRank = (c: Problem['column']): number => {
    if (typeof c === 'number') return c;
    if (typeof c === 'string') {
      const i = columnOrder.indexOf(c);
      return i < 0 ? columnOrder.length : i;
    }
    return -1;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || colRank(a.p.column) - colRank(b.p.column) || a.i - b.i)
    .map((x) => x.p);
}
