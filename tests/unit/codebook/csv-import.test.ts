import { describe, expect, it } from 'vitest';
import { importCsv } from '@/lib/codebook/formats/csv';
import { importCodebook } from '@/lib/codebook/formats';
import { fixture, okCodebook, problemsOf, utf8, where } from './helpers';

const HEADER = 'aspect,group,code,label,polarity,definition';

describe('CSV import', () => {
  it('reads a sheet with only the required columns', () => {
    const cb = okCodebook(
      importCsv(utf8(`${HEADER}\nInvolvement,Literature,IN-1,Balances warmth,positive,Warm yet professional.\nInvolvement,Safety,IN-2,Ignores tears,negative,\n`), 'team.csv'),
    );
    expect(cb.name).toBe('team');
    expect(cb.ratingScales).toEqual([]);
    const [aspect] = cb.aspects;
    expect(aspect?.label).toEqual({ en: 'Involvement', nl: '' });
    expect(aspect?.groups.map((g) => [g.label.en, g.source])).toEqual([['Literature', 'literature'], ['Safety', 'instrument']]);
    expect(aspect?.groups[1]?.behaviours[0]).toMatchObject({ code: 'IN-2', polarity: 'negative', definition: { en: '', nl: '' } });
  });

  it('reports every bad row with its row number and column, and imports nothing', () => {
    const problems = problemsOf(importCsv(fixture('bad-rows.csv'), 'bad-rows.csv'));
    expect(where(problems)).toEqual([
      { line: 3, column: 'label', code: 'missing-value' },
      { line: 4, column: 'code', code: 'duplicate-code' },
      { line: 5, column: 'polarity', code: 'bad-polarity' },
      { line: 5, column: 'shortcut', code: 'shortcut-clash' },
      { line: 6, column: 'aspect', code: 'missing-value' },
      { line: 7, column: 'shortcut', code: 'reserved-shortcut' },
    ]);
    expect(problems.every((p) => p.file === 'bad-rows.csv')).toBe(true);
    expect(problems[1]?.message).toContain('row 2');
  });

  it('names each missing required column', () => {
    const problems = problemsOf(importCsv(utf8('aspect,code,label\nA,X1,Something\n'), 'short.csv'));
    expect(where(problems)).toEqual([
      { line: 1, column: 'group', code: 'missing-column' },
      { line: 1, column: 'polarity', code: 'missing-column' },
      { line: 1, column: 'definition', code: 'missing-column' },
    ]);
  });

  it('refuses an unknown polarity, naming the value', () => {
    const [p, ...rest] = problemsOf(importCsv(utf8(`${HEADER}\nA,Literature,X1,Thing,neutral,\n`), 'p.csv'));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 2, column: 'polarity', code: 'bad-polarity' });
    expect(p?.message).toContain('"neutral"');
  });

  it('accepts polarity in any letter case', () => {
    const cb = okCodebook(importCsv(utf8(`${HEADER}\nA,Literature,X1,Thing,Negative,\n`), 'p.csv'));
    expect(cb.aspects[0]?.groups[0]?.behaviours[0]?.polarity).toBe('negative');
  });

  it('refuses a duplicate code, also when only the letter case differs', () => {
    const problems = problemsOf(importCsv(utf8(`${HEADER}\nA,Literature,X1,One,positive,\nA,Literature,x1,Two,positive,\n`), 'd.csv'));
    expect(where(problems)).toEqual([{ line: 3, column: 'code', code: 'duplicate-code' }]);
  });

  it('refuses an empty file and a file of blank lines', () => {
    expect(where(problemsOf(importCsv(new Uint8Array(0), 'e.csv')))).toEqual([{ line: undefined, column: undefined, code: 'empty-file' }]);
    expect(problemsOf(importCsv(utf8('\uFEFF\r\n  \r\n'), 'e.csv'))[0]?.code).toBe('empty-file');
  });

  it('refuses a header without behaviours', () => {
    expect(where(problemsOf(importCsv(utf8(`${HEADER}\n`), 'h.csv')))).toEqual([{ line: 2, column: undefined, code: 'no-behaviours' }]);
  });

  it('refuses a binary file with a .csv name, saying what it looks like', async () => {
    const xlsxBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    const zip = problemsOf(await importCodebook({ fileName: 'codebook.csv', bytes: xlsxBytes }));
    expect(zip).toEqual([expect.objectContaining({ code: 'binary-file', file: 'codebook.csv' })]);
    expect(zip[0]?.message).toMatch(/ZIP archive/);

    const nul = problemsOf(await importCodebook({ fileName: 'data.csv', bytes: new Uint8Array([0x61, 0x2c, 0x00, 0x01, 0xff, 0x0a]) }));
    expect(nul[0]?.code).toBe('binary-file');
    expect(nul[0]?.message).toMatch(/NUL/);

    const png = problemsOf(await importCodebook({ fileName: 'photo.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]) }));
    expect(png[0]?.message).toMatch(/PNG image/);
  });

  it('refuses text that is not UTF-8 (a legacy Windows export) and says how to fix it', () => {
    const latin1 = new Uint8Array([...utf8(`${HEADER}\nA,Literature,X1,Caf`), 0xe9, ...utf8(',positive,\n')]);
    const [p] = problemsOf(importCsv(latin1, 'w.csv'));
    expect(p?.code).toBe('invalid-utf8');
    expect(p?.message).toMatch(/line 2/);
    expect(p?.message).toMatch(/CSV UTF-8/);
  });

  it('reads a semicolon-separated Dutch Excel export with BOM, quotes, CRLF and a line break in a cell', () => {
    const cb = okCodebook(importCsv(fixture('dutch-excel-semicolon.csv'), 'dutch-excel-semicolon.csv'));
    const [b1, b2] = cb.aspects[0]?.groups[0]?.behaviours ?? [];
    expect(b1?.label).toEqual({ en: 'Warm; maar professioneel', nl: 'Warm maar professioneel' });
    expect(b1?.definition.en).toBe('Zegt "ja" en\nblijft bij de rol');
    expect(b2?.polarity).toBe('negative');
  });

  it('reads UTF-16 text with a BOM (Excel "Unicode text", tab-separated) by its .tsv name', async () => {
    const text = '\uFEFFaspect\tgroup\tcode\tlabel\tpolarity\tdefinition\r\nBetrokkenheid\tLiteratuur\tB1\tCafé-praat\tpositive\t\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const cb = okCodebook(await importCodebook({ fileName: 'export.tsv', bytes }));
    expect(cb.aspects[0]?.groups[0]?.behaviours[0]?.label.en).toBe('Café-praat');
  });

  it('refuses a sheet whose header is not on row 1', () => {
    const [p, ...rest] = problemsOf(importCsv(utf8(`Our codebook\n\n${HEADER}\nA,Literature,X1,Thing,positive,\n`), 'title.csv'));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'header-not-on-row-1', line: 3 });
    expect(p?.message).toMatch(/must be row 1, but it is row 3/);
  });

  it('refuses a row with more cells than the header (an unquoted comma)', () => {
    const problems = problemsOf(importCsv(utf8(`${HEADER}\nA,Literature,X1,Warm, yet firm,positive,Kind.\n`), 'x.csv'));
    expect(where(problems)).toEqual([
      { line: 2, column: 'polarity', code: 'bad-polarity' },
      { line: 2, column: '7', code: 'extra-cell' },
    ]);
  });

  it('refuses a quote that is never closed, naming the row where it opened', () => {
    const [p] = problemsOf(importCsv(utf8(`${HEADER}\nA,Literature,X1,"Thing,positive,\nB,Literature,X2,Other,positive,\n`), 'q.csv'));
    expect(p).toMatchObject({ code: 'csv-unclosed-quote', line: 2 });
  });

  it('refuses rows that disagree about their aspect or group', () => {
    const csv = `${HEADER},source\nA,Engagement,X1,One,positive,,instrument\nA,Engagement,X2,Two,positive,,literature\n`;
    expect(where(problemsOf(importCsv(utf8(csv), 'g.csv')))).toEqual([{ line: 3, column: 'source', code: 'inconsistent-group' }]);
  });

  it('derives the same keys for the same names, so re-importing keeps identities', () => {
    const csv = utf8(`${HEADER}\nA,Literature,X1,One,positive,\n`);
    const first = okCodebook(importCsv(csv, 'a.csv'));
    const second = okCodebook(importCsv(csv, 'b.csv'));
    expect(second.aspects).toEqual(first.aspects);
  });
});
