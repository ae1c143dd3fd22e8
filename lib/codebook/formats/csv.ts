/**
 * Codebook import and export as CSV, layout in table.ts; the CSV itself is `@/lib/files/csv`.
 *
 * Reading: UTF-8 (BOM optional) or UTF-16 with BOM, any delimiter `parseCsv` detects.
 * Writing: UTF-8 with BOM (so Excel reads accents right), comma, CRLF. Cells that look like
 * formulas are protected on export and unprotected on import, so text round-trips unchanged.
 */
import { parseCsv, protectFormula, unprotectFormula, writeCsv, type Delimiter } from '@/lib/files/csv';
import { decodeText } from '@/lib/files/text';
import type { Codebook } from '../model';
import type { ImportResult } from '../problems';
import { codebookToTable, tableToCodebook } from './table';

export function importCsv(bytes: Uint8Array, fileName: string, opts: { delimiter?: Delimiter } = {}): ImportResult<Codebook> {
  const decoded = decodeText(bytes, fileName, 'CSV');
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text, opts.delimiter);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, file: fileName })) };
  const rows = parsed.rows.map((r) => ({ row: r.row, cells: r.cells.map(unprotectFormula) }));
  return tableToCodebook(rows, { file: fileName, name: baseName(fileName) });
}

export function exportCsv(cb: Codebook): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + writeCsv(codebookToTable(cb).map((r) => r.map(protectFormula))));
}

/** "uploads/Demo codebook.csv" → "Demo codebook". */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.[^.]+$/, '') || last;
}
