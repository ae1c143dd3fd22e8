import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/files/csv';

describe('CSV parser', () => {
  it('numbers rows as a spreadsheet does, counting a multi-line cell once', () => {
    const { rows, delimiter } = parseCsv('a,b\r\n"x\r\ny",z\n\nlast,"q""uote"');
    expect(delimiter).toBe(',');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x\r\ny', 'z'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['last', 'q"uote'] },
    ]);
  });

  it('detects tab and semicolon delimiters from the header line', () => {
    expect(parseCsv('a\tb\tc\n1\t2\t3').delimiter).toBe('\t');
    expect(parseCsv('a;b;"c,d"\n').delimiter).toBe(';');
  });
});
