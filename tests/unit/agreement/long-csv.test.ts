import { describe, expect, it } from 'vitest';
import { type LongCsvOptions, readLongCsv } from '@/lib/agreement';

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}
const read = (text: string, options?: LongCsvOptions) => readLongCsv(linesOf(text), options);

describe('reading long-format ratings', () => {
  it('builds a units × raters matrix, in any column order, with extra columns ignored', async () => {
    const r = await read('value,note,rater,unit\n1,,ann,u1\n0,x,bob,u1\n,,ann,u2\n1,,bob,u2');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.rows).toBe(4);
    expect(r.matrix.unitIds).toEqual(['u1', 'u2']);
    expect(r.matrix.raterIds).toEqual(['ann', 'bob']);
    expect(r.matrix.categories).toEqual(['0', '1']);
    expect([...r.matrix.codes]).toEqual([1, 0, -1, 1]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, a byte-order mark and Windows line ends', async () => {
    const r = await read('\ufeffunit,rater,value\r\n"a, b",ann,"x ""y"""\r\n"a, b",bob,"multi\nline"\r\n');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.matrix.unitIds).toEqual(['a, b']);
    expect(r.matrix.categories).toEqual(['multi\nline', 'x "y"']);
  });

  it('merges numeric labels with the same value and orders categories by value', async () => {
    const r = await read('unit,rater,value\n1,a,10\n1,b,2.0\n2,a,2\n2,b,1e1');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.matrix.categories).toEqual(['2', '10']);
    expect([...r.matrix.categoryValues!]).toEqual([2, 10]);
  });

  it('reports a missing column on the header line and reads no further', async () => {
    const r = await read('unit,coder,value\n1,a,1');
    expect(r).toEqual({ ok: false, moreProblems: 0, problems: [{ line: 1, message: expect.stringContaining("missing column 'rater'") }] });
  });

  it('reports an empty file and a file with only a header', async () => {
    expect(await read('')).toEqual({ ok: false, moreProblems: 0, problems: [{ line: null, message: 'the file is empty (no header, no rows)' }] });
    const headerOnly = await read('unit,rater,value\n');
    expect(headerOnly.ok).toBe(false);
    if (!headerOnly.ok) expect(headerOnly.problems[0]!.message).toBe('the file has a header but no rows');
  });

  it('reports a rater with no values at the rater\'s first line', async () => {
    const r = await read('unit,rater,value\n1,ann,1\n1,bob,\n2,ann,0\n2,bob,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ line: 3, message: "rater 'bob' has no values (every row of this rater has an empty value)" }]);
  });

  it('reports non-numeric values at an interval level, negative values at a ratio level, each at its first line', async () => {
    const text = 'unit,rater,value\n1,a,3\n1,b,high\n2,a,-1\n2,b,high';
    const interval = await read(text, { level: 'interval' });
    if (interval.ok) throw new Error('should fail');
    expect(interval.problems).toEqual([{ line: 3, message: "value 'high' is not a number, but --level interval needs numbers" }]);
    const ratio = await read(text, { level: 'ratio' });
    if (ratio.ok) throw new Error('should fail');
    expect(ratio.problems.map((p) => p.line)).toEqual([3, 4]);
    expect((await read(text, { level: 'nominal' })).ok).toBe(true);
  });

  it('reports every problem with its line, in line order, up to a cap', async () => {
    const r = await read('unit,rater,value\n1,a,1\n1,a,2\n2,b,1,extra\n,b,1\n3,,1\n4,b,0', { maxProblems: 3 });
    if (r.ok) throw new Error('should fail');
    expect(r.problems).toEqual([
      { line: 3, message: "unit '1' already has a rating by rater 'a' (line 2)" },
      { line: 4, message: 'expected 3 fields, found 4' },
      { line: 5, message: 'the unit is empty' },
    ]);
    expect(r.moreProblems).toBe(1);
  });

  it('reports a quoted field left open at the end of the file', async () => {
    const r = await read('unit,rater,value\n1,a,"open\n1,b,2');
    if (r.ok) throw new Error('should fail');
    expect(r.problems[0]).toEqual({ line: 2, message: 'a quoted field is not closed before the end of the file' });
  });
});
