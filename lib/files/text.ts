/**
 * Turning uploaded bytes into text, refusing what is not text.
 *
 * Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM. Refuses, with a clear message:
 * empty files, known binary formats (ZIP — e.g. an .xlsx or .qdpx renamed —, old Office,
 * PDF, images), anything with NUL bytes, and invalid UTF-8 (e.g. a legacy "CSV (Windows)"
 * export), naming where the first bad byte is.
 */
import { problem, type Problem } from './problems';

export type TextResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (for example an Excel .xlsx workbook or a .qdpx project)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an (empty) ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (for example an Excel 97–2003 .xls workbook)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b]);
}

/** `kind` names what was expected, e.g. "CSV". */
export function decodeText(bytes: Uint8Array, file: string, kind: string): TextResult {
  const bad = (code: string, message: string): TextResult => ({ ok: false, problems: [problem(code, message, { file })] });
  if (bytes.length === 0) return bad('empty-file', 'The file is empty.');

  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) return bad('binary-file', `This is not a ${kind} text file: it looks like ${signature.what}.`);

  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    try {
      text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return bad('invalid-text', `The file starts like UTF-16 text but is not valid UTF-16.`);
    }
  } else {
    if (bytes.includes(0)) {
      return bad('binary-file', `This is not a ${kind} text file: it contains binary data (NUL bytes).`);
    }
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      const at = firstInvalidUtf8(body);
      const line = countLines(body, at);
      return bad(
        'invalid-utf8',
        `The file is not UTF-8 text (first unreadable byte on line ${line}, byte ${at + 1}). ` +
          `If it is a spreadsheet export, save it as "CSV UTF-8"; if it is not a ${kind} file, choose the right file.`,
      );
    }
  }
  if (text.includes('\u0000')) return bad('binary-file', `This is not a ${kind} text file: it contains binary data (NUL characters).`);
  if (!text.trim()) return bad('empty-file', 'The file contains no text.');
  return { ok: true, text };
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
