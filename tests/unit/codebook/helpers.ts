import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { canonicalCodebook, type Codebook } from '@/lib/codebook/model';
import type { CodebookProblem, ImportResult } from '@/lib/codebook/problems';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'codebook');

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** The codebook of a successful import (fails the test with the problems otherwise). */
export function okCodebook(result: ImportResult<Codebook>): Codebook {
  if (!result.ok) expect.fail(`import failed:\n${result.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return result.codebook;
}

/** The problems of a failed import; asserts that nothing was imported. */
export function problemsOf(result: ImportResult<Codebook>): CodebookProblem[] {
  expect(result.ok).toBe(false);
  expect('codebook' in result).toBe(false);
  return result.ok ? [] : result.problems;
}

/** Problems reduced to what a user sees: where, and which kind. */
export const where = (problems: CodebookProblem[]) => problems.map((p) => ({ line: p.line, column: p.column, code: p.code }));

export const canonical = (cb: Codebook) => canonicalCodebook(cb);
