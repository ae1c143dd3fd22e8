/**
 * XLSX import and export (exceljs), same layout as CSV (see table.ts).
 *
 * Reading takes the sheet called "Codebook" if there is one, else the first sheet with data.
 * The header must be on row 1: a sheet whose header is further down (a title above it) is
 * refused with a message naming the row. Cell values are read as text: rich text is joined,
 * formulas give their cached result, numbers and dates their plain text.
 *
 * exceljs is loaded only when a workbook is read or written.
 */
import type * as ExcelNs from 'exceljs';
import type { TableRow } from '@/lib/files/csv';
import { problem } from '@/lib/files/problems';
import { isZip, startsWith } from '@/lib/files/text';
import type { Codebook } from '../model';
import type { ImportResult } from '../problems';
import { baseName } from './csv';
import { codebookToTable, tableToCodebook } from './table';

type ExcelModule = typeof ExcelNs;

async function excel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/** A workbook is a ZIP; refuse one that would unpack to more than this (a "zip bomb"). */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * Total unpacked size declared in a ZIP's central directory, read without unpacking;
 * Infinity for ZIP64 entries (no codebook needs them), undefined if the directory is unreadable.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let pos = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(pos + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    pos += 46 + view.getUint16(pos + 28, true) + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return total;
}

/** Fixed document dates so the same codebook gives the same workbook content. */
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export async function importXlsx(bytes: Uint8Array, fileName: string): Promise<ImportResult<Codebook>> {
  const bad = (code: string, message: string): ImportResult<Codebook> => ({
    ok: false,
    problems: [problem(code, message, { file: fileName })],
  });
  if (bytes.length === 0) return bad('empty-file', 'The file is empty.');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return bad('unsupported-format', 'This is an old Excel 97–2003 (.xls) workbook. Save it as .xlsx (Excel Workbook) and try again.');
  if (!isZip(bytes)) return bad('not-xlsx', 'This is not an Excel .xlsx workbook (an .xlsx file is a ZIP archive).');
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked !== undefined && unpacked > MAX_UNPACKED_BYTES)
    return bad('file-too-large', `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; a codebook needs far less.`);

  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    return bad('unreadable-xlsx', `The workbook cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((s) => s.name.trim().toLowerCase() === 'codebook') ?? sheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return bad('empty-file', 'The workbook has no sheet with data.');

  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  const result = tableToCodebook(rows, { file: fileName, name: baseName(fileName) });
  if (!result.ok && sheets.length > 1) {
    for (const p of result.problems) p.message = `Sheet "${sheet.name}": ${p.message}`;
  }
  return result;
}

export async function exportXlsx(cb: Codebook): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Concord';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet('Codebook', { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = codebookToTable(cb);
  sheet.addRows(table);
  sheet.getRow(1).font = { bold: true };
  const header = table[0] ?? [];
  header.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    const long = /^(definition|include|exclude|examples)/.test(name);
    column.width = long ? 50 : name.endsWith('key') ? 38 : name.startsWith('label') ? 40 : 16;
    if (long) column.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

type CellValue = ExcelNs.CellValue;

/** The text a user sees in a cell. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? '') as CellValue);
  if ('error' in value) return value.error;
  return '';
}
