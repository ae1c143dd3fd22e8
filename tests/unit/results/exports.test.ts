import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/files/csv';
import { exportResults, longCsv, LONG_COLUMNS, parseResultsQuery, pickVersion, resultsQueryString, resultTables, tablesCsv, type ExportInput } from '@/lib/results';
import { sheetName } from '@/lib/results/xlsx';
import { study } from './helpers';

const rowsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.cells);

describe('results exports', () => {
  const results = study();
  const v2 = pickVersion(results)!;

  it('writes the tables as shown: k/N cells, the shown counts at each aspect\'s foot', () => {
    const rows = rowsOf(tablesCsv(resultTables(v2, { by: 'case' }), 'en'));
    expect(rows[0]).toEqual(['Aspect', 'Group', 'Code', 'Behaviour', 'Polarity', 'K-01', 'K-02']);
    expect(rows.slice(1)).toEqual([
      ['Aspect A', 'Literature', 'L1', 'Behaviour L1', 'positive', '3/6', '0/4'],
      ['Aspect A', 'Literature', 'L2', 'Behaviour L2', 'negative', '0/6', '1/4'],
      ['Aspect A', 'Bond', 'I1', 'Behaviour I1', 'positive', '1/6', '4/4'],
      ['Aspect A', 'Bond', 'I2', 'Behaviour I2', 'positive', '2/6', '0/4'],
      ['Aspect A', 'Bond', 'I3', 'Behaviour I3', 'negative', '1/6', '0/4'],
      ['Aspect A', '', '', 'Positive behaviours shown', 'positive', '3/3', '1/3'],
      ['Aspect A', '', '', 'Negative behaviours shown', 'negative', '1/2', '1/2'],
      ['Aspect B', 'Literature', 'B1', 'Behaviour B1', 'positive', '1/6', '0/4'],
      ['Aspect B', 'Literature', 'B2', 'Behaviour B2', 'negative', '0/6', '0/4'],
      ['Aspect B', '', '', 'Positive behaviours shown', 'positive', '1/1', '0/1'],
      ['Aspect B', '', '', 'Negative behaviours shown', 'negative', '0/1', '0/1'],
    ]);
    const nl = rowsOf(tablesCsv(resultTables(v2, { by: 'case' }), 'nl'));
    expect(nl[0]![3]).toBe('Gedrag');
    expect(nl[1]![3]).toBe('Behaviour L1 (nl)');
  });

  it('writes the tidy long format: one row per behaviour × interval of each finalized session', () => {
    const rows = rowsOf(longCsv(v2, 'en'));
    expect(rows[0]).toEqual([...LONG_COLUMNS]);
    expect(rows.length - 1).toBe(7 * 4 + 7 * 2 + 7 * 4);
    expect(rows.slice(1, 5)).toEqual([
      ['K-01', 'K-01 talk s1', 'Aspect A', 'Literature', 'L1', 'positive', '1', '1'],
      ['K-01', 'K-01 talk s1', 'Aspect A', 'Literature', 'L1', 'positive', '2', '0'],
      ['K-01', 'K-01 talk s1', 'Aspect A', 'Literature', 'L1', 'positive', '3', '1'],
      ['K-01', 'K-01 talk s1', 'Aspect A', 'Literature', 'L1', 'positive', '4', '0'],
    ]);
    const ones = rows.slice(1).filter((r) => r[7] === '1').map((r) => `${r[1]!.slice(-2)} ${r[4]}@${r[6]}`);
    expect(ones).toEqual(['s1 L1@1', 's1 L1@3', 's1 I1@2', 's1 I3@4', 's1 B1@1', 's2 L1@2', 's2 I2@1', 's2 I2@2', 's3 L2@1', 's3 I1@1', 's3 I1@2', 's3 I1@3', 's3 I1@4']);
    expect(rows.some((r) => r[1]?.endsWith('s4') || r[1]?.endsWith('s5') || r[1]?.endsWith('s6'))).toBe(false);
  });

  it('protects text cells that a spreadsheet would run as a formula', () => {
    const risky = { ...v2, sessions: v2.sessions.map((s, i) => (i === 0 ? { ...s, label: '=HYPERLINK("x")' } : s)) };
    expect(longCsv(risky, 'en')).toContain(`"'=HYPERLINK(""x"")"`);
  });

  const input = (over: Partial<ExportInput> = {}): ExportInput => ({ projectName: 'Ströme & Co', locale: 'en', results, version: v2, options: { by: 'case' }, ...over });

  it('names the files after the project and the version; CSV carries a BOM', async () => {
    const csv = await exportResults(input(), 'csv');
    expect(csv.fileName).toBe('results-strome-co-v2.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await exportResults(input(), 'long')).fileName).toBe('results-strome-co-v2-long.csv');
  });

  it('exports JSON with every cell, its intervals (1-based), the other versions and the pending sessions', async () => {
    const file = await exportResults(input(), 'json');
    const json = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(json.codebook).toEqual({ name: 'Study codebook', version: 2 });
    expect(json.otherVersions).toEqual([{ version: 1, sessions: 1 }]);
    expect(json.aspects[0].groups[0].rows[0].cells[0]).toEqual({
      k: 3,
      n: 6,
      text: '3/6',
      intervals: [
        { case: 'K-01', session: 'K-01 talk s1', intervals: [1, 3] },
        { case: 'K-01', session: 'K-01 talk s2', intervals: [2] },
      ],
    });
    expect(json.aspects[0].shown).toEqual([
      { positive: 3, negative: 1 },
      { positive: 1, negative: 1 },
    ]);
    expect(json.pending.map((p: { status: string }) => p.status)).toEqual(['revealed', 'coding', 'no-version']);
  });

  it('writes a workbook with one sheet per aspect, numbers plus k/N text, negatives in italics', async () => {
    const file = await exportResults(input({ options: { by: 'session', columns: ['s1', 's3'] } }), 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Aspect A', 'Aspect B']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Code', 'Behaviour', 'Polarity', 'K-01 · K-01 talk s1: k', 'K-01 · K-01 talk s1: N', 'K-01 · K-01 talk s1: k/N', 'K-02 · K-02 talk s3: k', 'K-02 · K-02 talk s3: N', 'K-02 · K-02 talk s3: k/N']);
    const byCode = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => byCode.set(String(row.getCell(1).value ?? ''), row));
    expect(byCode.get('L2')!.values).toEqual([undefined, 'L2', 'Behaviour L2', 'negative', 0, 4, '0/4', 1, 4, '1/4']);
    expect(byCode.get('L2')!.getCell(2).font?.italic).toBe(true);
    expect(byCode.get('L1')!.getCell(2).font?.italic).toBeFalsy();
  });
});

describe('sheet names and query parameters', () => {
  it('makes valid, unique sheet names', () => {
    const taken = new Set<string>();
    expect(sheetName('Power: say/influence [1]', taken)).toBe('Power say influence 1');
    expect(sheetName('A very long aspect name that goes on and on', taken)).toBe('A very long aspect name that go');
    expect(sheetName('A very long aspect name that goes on and on', taken)).toBe('A very long aspect name that 2');
  });

  it('reads and writes the view options', () => {
    const q = parseResultsQuery(new URLSearchParams('by=session&cols=a&cols=b,c&sort=col:b&version=2&rationales=1'));
    expect(q).toEqual({ version: '2', by: 'session', columns: ['a', 'b', 'c'], sort: 'frequency', sortColumn: 'b', heatmap: null, rationales: true });
    expect(parseResultsQuery({ by: 'nonsense', sort: 'random' })).toMatchObject({ by: 'case', sort: 'codebook', sortColumn: null, rationales: false });
    expect(resultsQueryString(q, { format: 'xlsx' })).toBe('version=2&by=session&cols=a%2Cb%2Cc&sort=col%3Ab&rationales=1&format=xlsx');
  });
});
