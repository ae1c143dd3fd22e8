/**
 * CSV reading and writing (RFC 4180).
 *
 * Reading: delimiter `,`, `;` (Dutch Excel) or tab, detected from the header line; quoted
 * fields with `""` escapes and line breaks; CRLF, LF or CR line ends. Row numbers are records
 * as a spreadsheet shows them (header = row 1), so a quoted cell spanning lines still counts
 * as one row. Bytes become text with `decodeText` (text.ts) first.
 *
 * Writing: comma, CRLF, quotes where needed. Cells starting with `=`, `+`, `-` or `@` can get
 * a leading `'` (`protectFormula`) so a spreadsheet never runs them as formulas;
 * `unprotectFormula` removes exactly that `'` again, so text round-trips unchanged.
 */
import { problem, type Problem } from './problems';

export type Delimiter = ',' | ';' | '\t';

/** A row as the user sees it: `row` is the spreadsheet row number (header = 1). */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface CsvParse {
  rows: TableRow[];
  problems: Problem[];
  delimiter: Delimiter;
}

const FORMULA_START = /^'*[=+\-@]/;

export function writeCsv(rows: string[][], delimiter: Delimiter = ','): string {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]|^\\s|\\s$`);
  const field = (v: string) => (needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(delimiter) + '\r\n').join('');
}

/** Parses CSV text into rows numbered as a spreadsheet shows them (first record = row 1). */
export function parseCsv(text: string, delimiter?: Delimiter): CsvParse {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = delimiter ?? detectDelimiter(src);
  const rows: TableRow[] = [];
  const problems: Problem[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  let quoteLine = 0;
  let line = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ row: rows.length + 1, cells });
    cells = [];
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // A quote opens a quoted field only at the start of a cell (spaces before it are dropped).
      quoted = true;
      quoteRow = rows.length + 1;
      quoteLine = line;
      cell = '';
    } else if (ch === sep) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += ch; // includes a stray quote inside an unquoted cell, kept as text
    i++;
  }
  if (quoted) {
    problems.push(
      problem('csv-unclosed-quote', `A quoted value that starts here (text line ${quoteLine}) is never closed with a ".`, {
        line: quoteRow,
      }),
    );
  } else if (cell !== '' || cells.length) endRow();
  return { rows, problems, delimiter: sep };
}

/** The delimiter that occurs most often (outside quotes) on the first line; comma on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return best;
}

export function protectFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectFormula(value: string): string {
  const trimmed = value.trimStart();
  return /^'+[=+\-@]/.test(trimmed) ? trimmed.slice(1) : value;
}
