import { describe, expect, it } from 'vitest';
import { importCodebook, fileNameFor, exportCodebook } from '@/lib/codebook/formats';
import { demoCodebook } from '@/lib/codebook/demo';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { MAX_REPORTED_PROBLEMS } from '@/lib/files/problems';
import { okCodebook, problemsOf, utf8 } from './helpers';

describe('import limits and format choice', () => {
  it('refuses a file over 50 MB before reading a single byte of it', async () => {
    const touched: PropertyKey[] = [];
    const huge = new Proxy(new Uint8Array(0), {
      get(target, prop) {
        if (prop === 'byteLength') return MAX_IMPORT_BYTES + 1;
        touched.push(prop);
        return Reflect.get(target, prop);
      },
    });
    const problems = problemsOf(await importCodebook({ fileName: 'huge.csv', bytes: huge }));
    expect(problems).toEqual([expect.objectContaining({ code: 'file-too-large', file: 'huge.csv' })]);
    expect(problems[0]?.message).toMatch(/at most 50 MB/);
    expect(touched).toEqual([]);
  });

  it('refuses a real 50 MB + 1 byte buffer of every type at once', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    for (const name of ['big.csv', 'big.xlsx', 'big.json', 'big.qdc']) {
      const started = performance.now();
      expect(problemsOf(await importCodebook({ fileName: name, bytes }))[0]?.code).toBe('file-too-large');
      expect(performance.now() - started).toBeLessThan(50);
    }
  });

  it('accepts a file of exactly 50 MB as far as size goes', async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES);
    expect(problemsOf(await importCodebook({ fileName: 'zeros.csv', bytes }))[0]?.code).toBe('binary-file');
  });

  it('refuses an empty file whatever its type', async () => {
    for (const name of ['e.csv', 'e.xlsx', 'e.json', 'e.qdc'])
      expect(problemsOf(await importCodebook({ fileName: name, bytes: new Uint8Array(0) }))[0]?.code).toBe('empty-file');
  });

  it('explains unsupported extensions', async () => {
    const bytes = utf8('x');
    expect(problemsOf(await importCodebook({ fileName: 'book.xls', bytes }))[0]?.message).toMatch(/Save the workbook as \.xlsx/);
    expect(problemsOf(await importCodebook({ fileName: 'project.qdpx', bytes }))[0]?.message).toMatch(/Export just the codebook/);
    expect(problemsOf(await importCodebook({ fileName: 'notes.docx', bytes }))[0]?.code).toBe('unsupported-format');
  });

  it('sniffs the format of a file without extension', async () => {
    const cb = demoCodebook();
    for (const format of ['json', 'qdc', 'csv', 'xlsx'] as const) {
      const { bytes } = await exportCodebook(cb, format);
      expect(okCodebook(await importCodebook({ fileName: 'upload', bytes })).aspects).toHaveLength(3);
    }
  });

  it('lists at most 1,000 problems, the last saying how many more there are', async () => {
    // 600 rows with two problems each (no label, bad polarity): 1,200 problems.
    const rows = Array.from({ length: 600 }, (_, i) => `A,Literature,X${i},,maybe,`);
    const problems = problemsOf(await importCodebook({ fileName: 'many.csv', bytes: utf8(['aspect,group,code,label,polarity,definition', ...rows].join('\n')) }));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(problems.at(-2)).toMatchObject({ code: 'missing-value', line: 501, column: 'label' });
    expect(problems.at(-1)).toMatchObject({ code: 'too-many-problems', file: 'many.csv' });
    expect(problems.at(-1)?.message).toMatch(/201 more problems/);
  });

  it('makes safe file names from codebook names', () => {
    expect(fileNameFor('Distance and proximity (demo)')).toBe('Distance and proximity (demo)');
    expect(fileNameFor('../../etc/passwd')).toBe('etc-passwd');
    expect(fileNameFor('<script>')).toBe('script-');
    expect(fileNameFor('')).toBe('codebook');
  });
});
