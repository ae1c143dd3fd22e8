/**
 * Import and export of codebooks, for the UI and for `concord codebook import|export`.
 *
 * `importCodebook` is all-or-nothing: either a valid codebook, or every problem found (with
 * file, row or line, and column), never a partial codebook. Files over `MAX_IMPORT_BYTES`
 * are refused before any byte is read. The format comes from the file extension; without a
 * known extension it is sniffed from the content.
 */
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { capProblems, problem } from '@/lib/files/problems';
import { isZip } from '@/lib/files/text';
import type { Codebook } from '../model';
import type { ImportResult } from '../problems';
import { baseName, exportCsv, importCsv } from './csv';
import { exportJson, importJson } from './json';
import { exportQdc, importQdc } from './qdc';
import { exportXlsx, importXlsx } from './xlsx';

export const CODEBOOK_FORMATS = ['csv', 'xlsx', 'json', 'qdc'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

export const FORMAT_INFO: Record<CodebookFormat, { extension: string; mime: string; label: string }> = {
  csv: { extension: '.csv', mime: 'text/csv; charset=utf-8', label: 'CSV (spreadsheet text)' },
  xlsx: { extension: '.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook' },
  json: { extension: '.json', mime: 'application/json', label: 'Concord JSON (complete)' },
  qdc: { extension: '.qdc', mime: 'application/xml', label: 'REFI-QDA codebook (ATLAS.ti, MAXQDA, NVivo)' },
};

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

export async function importCodebook({ fileName, bytes }: ImportInput): Promise<ImportResult<Codebook>> {
  const file = fileName.split(/[\\/]/).pop() || fileName;
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    const message = `The file is ${mb(bytes.byteLength)}; codebook files may be at most ${mb(MAX_IMPORT_BYTES)}.`;
    return { ok: false, problems: [problem('file-too-large', message, { file })] };
  }
  if (bytes.byteLength === 0) return { ok: false, problems: [problem('empty-file', 'The file is empty.', { file })] };
  const result = await importByFormat(file, bytes);
  return result.ok ? result : { ok: false, problems: capProblems(result.problems, file) };
}

async function importByFormat(file: string, bytes: Uint8Array): Promise<ImportResult<Codebook>> {
  const format = formatOf(file, bytes);
  switch (format) {
    case 'csv':
      return importCsv(bytes, file);
    case 'tsv':
      return importCsv(bytes, file, { delimiter: '\t' });
    case 'xlsx':
      return importXlsx(bytes, file);
    case 'json':
      return importJson(bytes, file);
    case 'qdc':
      return importQdc(bytes, file);
    default:
      return { ok: false, problems: [problem('unsupported-format', format.message, { file })] };
  }
}

export async function exportCodebook(cb: Codebook, format: CodebookFormat): Promise<ExportedFile> {
  const info = FORMAT_INFO[format];
  const bytes =
    format === 'csv' ? exportCsv(cb) : format === 'xlsx' ? await exportXlsx(cb) : format === 'json' ? exportJson(cb) : exportQdc(cb);
  return { fileName: `${fileNameFor(cb.name)}${info.extension}`, mime: info.mime, bytes };
}

/** A safe file name from a codebook name: letters, digits, spaces, dots, dashes, parentheses. */
export function fileNameFor(name: string): string {
  const safe = name.normalize('NFKC').replace(/[^\p{L}\p{N} ._()-]+/gu, '-').replace(/\s+/g, ' ').trim().replace(/^[.-]+/, '');
  return safe.slice(0, 100) || 'codebook';
}

type Detected = CodebookFormat | 'tsv' | { message: string };

function formatOf(fileName: string, bytes: Uint8Array): Detected {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
    case 'txt':
      return 'csv';
    case 'tsv':
      return 'tsv';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'json':
      return 'json';
    case 'qdc':
    case 'xml':
      return 'qdc';
    case 'xls':
      return { message: 'Old Excel (.xls) workbooks cannot be read. Save the workbook as .xlsx and try again.' };
    case 'qdpx':
      return { message: 'A .qdpx file is a whole REFI-QDA project. Export just the codebook (.qdc) from your QDA program.' };
    case 'ods':
      return { message: 'OpenDocument spreadsheets cannot be read. Save the sheet as .xlsx or .csv.' };
    case undefined:
      return sniff(bytes);
    default:
      return { message: `Files ending in .${ext} cannot be imported (${baseName(fileName)}). Use .csv, .xlsx, .json or .qdc.` };
  }
}

function sniff(bytes: Uint8Array): Detected {
  if (isZip(bytes)) return 'xlsx';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (head.startsWith('<')) return 'qdc';
  return 'csv';
}

export { importCsv, exportCsv } from './csv';
export { importXlsx, exportXlsx } from './xlsx';
export { importJson, exportJson, JSON_FORMAT, JSON_VERSION } from './json';
export { importQdc, exportQdc } from './qdc';
export { QDC_NAMESPACE } from './qdc-schema';
export { REQUIRED_COLUMNS, OPTIONAL_COLUMNS, COLUMNS } from './table';
