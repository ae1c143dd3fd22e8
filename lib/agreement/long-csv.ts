/**
 * Reads long-format ratings — one `unit,rater,value` row per rating — from a stream of
 * lines, so a file of millions of rows never sits in memory as text. Every problem is
 * reported with its line number; a file with any problem yields no matrix at all.
 */
import type { MeasurementLevel } from './krippendorff';
import { type RatingMatrix, RatingMatrixBuilder } from './ratings';

export interface CsvProblem {
  /** 1-based line number, or null for a problem of the file as a whole. */
  line: number | null;
  message: string;
}

export type LongCsvResult =
  | { ok: true; matrix: RatingMatrix; rows: number }
  /** `problems` holds the first `maxProblems`; `moreProblems` counts the rest. */
  | { ok: false; problems: CsvProblem[]; moreProblems: number };

export interface LongCsvOptions {
  /** ordinal, interval and ratio need numeric values; ratio needs non-negative ones. */
  level?: MeasurementLevel;
  maxProblems?: number;
}

const REQUIRED = ['unit', 'rater', 'value'] as const;
const KEPT_PROBLEMS = 10_000;

/**
 * Splits CSV records out of lines (RFC 4180: fields may be quoted, quotes doubled inside,
 * and a quoted field may span lines). Yields each record's fields and its first line number.
 */
async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<{ fields: string[]; line: number; unterminated?: true }> {
  let lineNumber = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let startLine = 0;
  for await (let text of lines) {
    lineNumber++;
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!inQuotes) {
      startLine = lineNumber;
      // Most rows have no quotes: split them without walking characters.
      if (!text.includes('"')) {
        yield { fields: text.split(','), line: startLine };
        continue;
      }
    } else {
      field += '\n';
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inQuotes) {
        if (ch !== '"') field += ch;
        else if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else if (ch === '"') inQuotes = true;
      else if (ch === ',') {
        fields.push(field);
        field = '';
      } else field += ch;
    }
    if (!inQuotes) {
      fields.push(field);
      yield { fields, line: startLine };
      fields = [];
      field = '';
    }
  }
  if (inQuotes) yield { fields, line: startLine, unterminated: true };
}

/** Reads and validates a long-format ratings file. */
export async function readLongCsv(lines: AsyncIterable<string>, options: LongCsvOptions = {}): Promise<LongCsvResult> {
  const maxProblems = options.maxProblems ?? 20;
  // Problems are kept (up to a memory bound) and sorted at the end, because duplicates and
  // raters without values are only known once the whole file has been read.
  const problems: CsvProblem[] = [];
  let uncounted = 0;
  const report = (line: number | null, message: string) => {
    if (problems.length < KEPT_PROBLEMS) problems.push({ line, message });
    else uncounted++;
  };
  const failure = (): LongCsvResult => {
    problems.sort((p, q) => (p.line ?? Infinity) - (q.line ?? Infinity));
    return { ok: false, problems: problems.slice(0, maxProblems), moreProblems: Math.max(0, problems.length - maxProblems) + uncounted };
  };

  const builder = new RatingMatrixBuilder();
  let columns: number[] | null = null;
  let width = 0;
  for await (const { fields, line, unterminated } of csvRecords(lines)) {
    if (fields.length === 1 && fields[0]!.trim() === '') continue; // blank line
    if (unterminated) {
      report(line, 'a quoted field is not closed before the end of the file');
      break;
    }
    if (columns === null) {
      const header = fields.map((f) => f.trim().toLowerCase());
      const missing = REQUIRED.filter((name) => !header.includes(name));
      if (missing.length > 0) {
        const names = missing.map((m) => `'${m}'`).join(', ');
        report(line, `missing column${missing.length > 1 ? 's' : ''} ${names}; the header must name unit, rater and value (found: ${fields.join(',')})`);
        return failure();
      }
      columns = REQUIRED.map((name) => header.indexOf(name));
      width = header.length;
      continue;
    }
    if (fields.length !== width) {
      report(line, `expected ${width} fields, found ${fields.length}`);
      continue;
    }
    const [unit, rater, value] = columns.map((c) => fields[c]!);
    if (unit!.trim() === '') report(line, 'the unit is empty');
    else if (rater!.trim() === '') report(line, 'the rater is empty');
    else builder.add(unit!.trim(), rater!.trim(), value!, line);
  }

  if (columns === null) {
    report(null, 'the file is empty (no header, no rows)');
    return failure();
  }
  if (builder.rowCount === 0 && problems.length === 0) report(null, 'the file has a header but no rows');

  builder.valuesPerRater.forEach((count, r) => {
    if (count === 0) report(builder.firstTagOfRater[r]!, `rater '${builder.raterIds[r]}' has no values (every row of this rater has an empty value)`);
  });
  if (builder.raterIds.length === 1) report(null, `only one rater ('${builder.raterIds[0]}'); agreement needs at least two`);

  const level = options.level ?? 'nominal';
  if (level !== 'nominal') {
    builder.labelList.forEach((label, i) => {
      const x = Number(label);
      if (!Number.isFinite(x)) report(builder.firstTagOfLabel[i]!, `value '${label}' is not a number, but --level ${level} needs numbers`);
      else if (level === 'ratio' && x < 0) report(builder.firstTagOfLabel[i]!, `value '${label}' is negative, but --level ratio needs values of 0 or more`);
    });
  }

  const { matrix, duplicates } = builder.build();
  for (const d of duplicates) {
    report(d.tags[1], `unit '${d.unit}' already has a rating by rater '${d.rater}' (line ${d.tags[0]})`);
  }
  if (problems.length > 0) return failure();
  return { ok: true, matrix, rows: builder.rowCount };
}
