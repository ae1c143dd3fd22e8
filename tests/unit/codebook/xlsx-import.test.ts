import ExcelJSModule from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importCodebook } from '@/lib/codebook/formats';
import { exportXlsx, importXlsx, MAX_UNPACKED_BYTES, zipUnpackedSize } from '@/lib/codebook/formats/xlsx';
import { demoCodebook } from '@/lib/codebook/demo';
import { okCodebook, problemsOf, utf8, where } from './helpers';

const ExcelJS = ExcelJSModule as unknown as typeof import('exceljs');
const HEADER = ['aspect', 'group', 'code', 'label', 'polarity', 'definition'];

async function workbook(rows: unknown[][], startRow = 1, sheetName = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    ws.getRow(startRow + i).values = r as ExcelJSModule.CellValue[];
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('XLSX import', () => {
  it('reads a workbook with the header on row 1, taking cell text from numbers and rich text', async () => {
    const bytes = await workbook([
      HEADER,
      ['Involvement', 'Literature', 'IN-1', { richText: [{ text: 'Balances ', font: { bold: true } }, { text: 'warmth' }] }, 'positive', 'Warm.'],
      ['Involvement', 'Literature', 42, 'A numeric code', 'negative', null],
    ]);
    const cb = okCodebook(await importXlsx(bytes, 'team.xlsx'));
    const behaviours = cb.aspects[0]?.groups[0]?.behaviours ?? [];
    expect(behaviours.map((b) => [b.code, b.label.en, b.polarity])).toEqual([
      ['IN-1', 'Balances warmth', 'positive'],
      ['42', 'A numeric code', 'negative'],
    ]);
  });

  it('refuses a workbook whose header is on row 3, and says so', async () => {
    const bytes = await workbook([['Codebook of the Jansen study'], [], HEADER, ['A', 'Literature', 'X1', 'Thing', 'positive', '']]);
    const problems = problemsOf(await importCodebook({ fileName: 'titled.xlsx', bytes }));
    expect(where(problems)).toEqual([{ line: 3, column: undefined, code: 'header-not-on-row-1' }]);
    expect(problems[0]?.message).toMatch(/header row .* must be row 1, but it is row 3/);
  });

  it('reports bad rows with their spreadsheet row and column', async () => {
    const bytes = await workbook([HEADER, ['A', 'Literature', 'X1', 'Thing', 'positive', ''], ['A', 'Literature', 'X2', '', 'maybe', '']]);
    expect(where(problemsOf(await importXlsx(bytes, 'bad.xlsx')))).toEqual([
      { line: 3, column: 'label', code: 'missing-value' },
      { line: 3, column: 'polarity', code: 'bad-polarity' },
    ]);
  });

  it('prefers a sheet called "Codebook"', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['just notes']);
    const sheet = wb.addWorksheet('Codebook');
    sheet.addRow(HEADER);
    sheet.addRow(['A', 'Literature', 'X1', 'Thing', 'positive', '']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(okCodebook(await importXlsx(bytes, 'two-sheets.xlsx')).aspects).toHaveLength(1);
  });

  it('refuses files that are not workbooks', async () => {
    expect(problemsOf(await importXlsx(utf8('aspect,group\n'), 'text.xlsx'))[0]?.code).toBe('not-xlsx');
    expect(problemsOf(await importXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xlsx'))[0]?.code).toBe('unsupported-format');
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(problemsOf(await importXlsx(corrupt, 'broken.xlsx'))[0]?.code).toBe('unreadable-xlsx');
  });

  it('refuses a workbook that would unpack to far more than a codebook needs (a zip bomb)', async () => {
    const bytes = await workbook([HEADER, ['A', 'Literature', 'X1', 'Thing', 'positive', '']]);
    expect(zipUnpackedSize(bytes)).toBeGreaterThan(1000);
    expect(zipUnpackedSize(bytes)).toBeLessThan(MAX_UNPACKED_BYTES);
    // Declare an absurd unpacked size in the first central-directory entry.
    const bomb = bytes.slice();
    const view = new DataView(bomb.buffer);
    let cd = bomb.length - 22;
    while (view.getUint32(cd, true) !== 0x06054b50) cd--;
    const first = view.getUint32(cd + 16, true);
    view.setUint32(first + 24, 0xfffffff0, true);
    const [p] = problemsOf(await importXlsx(bomb, 'bomb.xlsx'));
    expect(p?.code).toBe('file-too-large');
  });

  it('writes a workbook with a bold, frozen header row that reads back the same', async () => {
    const bytes = await exportXlsx(demoCodebook());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Codebook');
    expect(ws?.getRow(1).getCell(1).value).toBe('aspect');
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.actualRowCount).toBe(45);
  });
});
