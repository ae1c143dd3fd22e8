import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsv } from '@/lib/files/csv';
import { translator } from '@/lib/i18n/messages';
import { disagreementTable, exportDisagreements } from '@/lib/review/export';
import { formatDuration } from '@/lib/review/format';
import { bram, disagreement } from './fixtures';

const t = translator('en');
const items = [
  disagreement({ rationale: '=HYPERLINK("http://evil")', comments: [{ id: '1', userId: 'anna', name: 'Anna', text: 'line one\nline "two"', at: 1 }], unclear: [bram], settleMs: 125 * 60_000 }),
  disagreement({ interval: 1, status: 'conflict', value: null, moved: [] }),
];

describe('export of the disagreement notes', () => {
  it('has one row per disagreement with marks, settled mark, who moved, time, flags and texts', () => {
    const [header, first, second] = disagreementTable(items, t, 'en');
    expect(header).toContain('Rationale');
    expect(first).toEqual(expect.arrayContaining(['K-01', 'Intake', 'X label x', 'Anna 1 · Bram 0', '1', 'Bram moved; followed Anna', '2 h 05 min', 'Bram']));
    expect(second).toEqual(expect.arrayContaining(['Conflict', '—']));
  });

  it('CSV: UTF-8 with BOM, quoted multi-line fields, formulas neutralised', async () => {
    const file = await exportDisagreements(items, 'csv', t, 'en', '2024-05-10');
    expect(file.fileName).toBe('disagreement-notes-2024-05-10.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text).rows.map((r) => r.cells);
    expect(rows).toHaveLength(3);
    const col = rows[0]!.indexOf('Rationale');
    expect(rows[1]![col]).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[1]![rows[0]!.indexOf('Discussion')]).toBe('Anna: line one\nline "two"');
  });

  it('XLSX: one sheet with the same table', async () => {
    const file = await exportDisagreements(items, 'xlsx', t, 'nl', '2024-05-10');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Disagreement notes');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('K-01');
  });

  it('formats times to settle', () => {
    expect([formatDuration(null, t), formatDuration(20_000, t), formatDuration(5 * 60_000, t), formatDuration(61 * 60_000, t)]).toEqual(['—', '< 1 min', '5 min', '1 h 01 min']);
  });
});
