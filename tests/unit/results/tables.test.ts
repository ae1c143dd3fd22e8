import { describe, expect, it } from 'vitest';
import { chooseColumns, columnLabel, frequencyText, pickVersion, resultColumns, resultTables, versionSummary, type ResultTable } from '@/lib/results';
import { study } from './helpers';

/** A table as `code: cell texts` rows, in display order, group by group. */
const grid = (table: ResultTable) => table.groups.map(({ group, rows }) => [group.label.en, ...rows.map((r) => `${r.behaviour.code}: ${r.cells.map(frequencyText).join(' ')}`)]);

describe('results tables', () => {
  const results = study();
  const v2 = pickVersion(results)!;

  it('builds one table per aspect, literature first, polarity kept, k/N summed per case', () => {
    const [a, b] = resultTables(v2, { by: 'case' });
    expect(a!.columns.map(columnLabel)).toEqual(['K-01', 'K-02']);
    expect(grid(a!)).toEqual([
      ['Literature', 'L1: 3/6 0/4', 'L2: 0/6 1/4'],
      ['Bond', 'I1: 1/6 4/4', 'I2: 2/6 0/4', 'I3: 1/6 0/4'],
    ]);
    expect(a!.groups.flatMap((g) => g.rows.map((r) => r.behaviour.polarity))).toEqual(['positive', 'negative', 'positive', 'positive', 'negative']);
    expect(grid(b!)).toEqual([['Literature', 'B1: 1/6 0/4', 'B2: 0/6 0/4']]);
    expect(versionSummary(v2)).toEqual({ sessions: 3, cases: 2, intervals: 10 });
  });

  it('counts per column how many positive and negative behaviours were shown', () => {
    const [a, b] = resultTables(v2, { by: 'case' });
    expect(a!.aspect).toMatchObject({ positive: 3, negative: 2 });
    expect(a!.foot).toEqual([
      { positive: 3, negative: 1 },
      { positive: 1, negative: 1 },
    ]);
    expect(b!.aspect).toMatchObject({ positive: 1, negative: 1 });
    expect(b!.foot).toEqual([
      { positive: 1, negative: 0 },
      { positive: 0, negative: 0 },
    ]);
  });

  it('keeps which intervals of which session each cell came from', () => {
    const [a] = resultTables(v2, { by: 'case' });
    const l1 = a!.groups[0]!.rows[0]!.cells[0]!;
    expect(l1.sources.map((s) => [s.session.id, s.intervals])).toEqual([
      ['s1', [0, 2]],
      ['s2', [1]],
    ]);
    expect(a!.groups[0]!.rows[1]!.cells[0]!.sources).toEqual([]);
  });

  it('gives one column per session when asked, with its own N', () => {
    const [a] = resultTables(v2, { by: 'session' });
    expect(a!.columns.map(columnLabel)).toEqual(['K-01 · K-01 talk s1', 'K-01 · K-01 talk s2', 'K-02 · K-02 talk s3']);
    expect(grid(a!)).toEqual([
      ['Literature', 'L1: 2/4 1/2 0/4', 'L2: 0/4 0/2 1/4'],
      ['Bond', 'I1: 1/4 0/2 4/4', 'I2: 0/4 2/2 0/4', 'I3: 1/4 0/2 0/4'],
    ]);
    expect(a!.foot).toEqual([
      { positive: 2, negative: 1 },
      { positive: 2, negative: 0 },
      { positive: 1, negative: 1 },
    ]);
  });

  it('compares chosen columns side by side, in table order; unknown choices fall back to every column', () => {
    const all = resultColumns(v2, 'session');
    expect(chooseColumns(all, ['s3', 's1']).map((c) => c.id)).toEqual(['s1', 's3']);
    expect(chooseColumns(all, ['nope']).map((c) => c.id)).toEqual(['s1', 's2', 's3']);
    const [a] = resultTables(v2, { by: 'session', columns: ['s3', 's1'] });
    expect(grid(a!)[0]).toEqual(['Literature', 'L1: 2/4 0/4', 'L2: 0/4 1/4']);
  });

  it('sorts by frequency within each group, on all columns or on one', () => {
    const [pooled] = resultTables(v2, { by: 'case', sort: 'frequency' });
    expect(grid(pooled!).map((g) => g.slice(1).map((r) => r.split(':')[0]))).toEqual([
      ['L1', 'L2'],
      ['I1', 'I2', 'I3'],
    ]);
    const [byK02] = resultTables(v2, { by: 'case', sort: 'frequency', sortColumn: 'case-K-02' });
    expect(grid(byK02!).map((g) => g.slice(1).map((r) => r.split(':')[0]))).toEqual([
      ['L2', 'L1'],
      ['I1', 'I2', 'I3'],
    ]);
    // The foot does not depend on the order.
    expect(byK02!.foot).toEqual(resultTables(v2, { by: 'case' })[0]!.foot);
  });
});

describe('what counts', () => {
  const results = study();

  it('never mixes codebook versions: one result set per version, newest first', () => {
    expect(results.versions.map((v) => [v.versionNumber, v.sessions.map((s) => s.id)])).toEqual([
      [2, ['s1', 's2', 's3']],
      [1, ['s6']],
    ]);
    const v1 = pickVersion(results, '1')!;
    expect(pickVersion(results, 'v1')).toBe(v1);
    expect(pickVersion(results, 'unknown')!.versionNumber).toBe(2);
    expect(grid(resultTables(v1, { by: 'case' })[0]!)[0]).toEqual(['Literature', 'L1: 2/4', 'L2: 0/4']);
    // Version 1 has no B2: its aspect B has one behaviour.
    expect(v1.behaviours.map((b) => b.code)).toEqual(['L1', 'L2', 'I1', 'I2', 'I3', 'B1']);
  });

  it('lists sessions that are not finalized as pending and ignores their marks', () => {
    expect(results.pending).toEqual([
      { id: 's4', caseNumber: 'K-02', label: 'K-02 talk s4', reason: 'revealed' },
      { id: 's5', caseNumber: 'K-02', label: 'K-02 talk s5', reason: 'coding' },
      { id: 's7', caseNumber: 'K-03', label: 'K-03 talk s7', reason: 'no-version' },
    ]);
    const v2 = pickVersion(results)!;
    expect(v2.sessions.some((s) => s.id === 's4' || s.id === 's5')).toBe(false);
  });

  it('ignores zeros, unknown behaviours and intervals outside the session', () => {
    const s3 = pickVersion(results)!.sessions.find((s) => s.id === 's3')!;
    expect([...s3.counts]).toEqual([0, 1, 4, 0, 0, 0, 0]);
  });
});
