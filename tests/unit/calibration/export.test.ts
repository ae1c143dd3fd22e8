import { describe, expect, it } from 'vitest';
import { roundFiguresTable } from '@/lib/calibration/export';
import { calibrationFigures } from '@/lib/calibration/figures';
import type { RoundReport } from '@/lib/calibration/report';
import { demoCodebook } from '@/lib/codebook/demo';
import { flattenBehaviours } from '@/lib/codebook/model';
import { translator } from '@/lib/i18n/messages';
import { cellKey } from '@/lib/tally/model';

const codebook = demoCodebook();
const keys = flattenBehaviours(codebook).map((f) => f.behaviour.key);
const gold = new Set(keys.slice(0, 10).map((k) => cellKey(k, 0)));
const figures = calibrationFigures(
  {
    codebook,
    intervals: 2,
    gold: { marked: gold, ratings: new Map() },
    trainees: [
      { id: 'u1', marks: { marked: gold, ratings: new Map() } },
      { id: 'u2', marks: { marked: new Set(keys.slice(5, 15).map((k) => cellKey(k, 0))), ratings: new Map() } },
    ],
  },
  { statistic: 'kappa', threshold: 0.7, ratingTolerance: 1, ratingShare: 0.9 },
);
const report = (participants: RoundReport['participants']) => ({ participants, trainees: figures.trainees }) as unknown as RoundReport;

describe('a round’s figures as CSV', () => {
  it('has one row per trainee, with plain-number estimates and intervals in separate columns', () => {
    const table = roundFiguresTable(
      report([
        { coderId: 'u1', name: 'Ties', submitted: true, self: false },
        { coderId: 'u2', name: 'Uma', submitted: true, self: false },
      ]),
      translator('en'),
    );
    expect(table).toHaveLength(3);
    const [header, ties, uma] = table as [string[], string[], string[]];
    expect(ties[header.indexOf('kappa')]).toBe('1');
    expect(ties[header.indexOf('verdict')]).toBe('meets the criteria');
    expect(uma[header.indexOf('marked, not in gold')]).toBe('5');
    expect(uma[header.indexOf('missed')]).toBe('5');
    expect(Number(uma[header.indexOf('kappa 95% low')])).toBeLessThan(Number(uma[header.indexOf('kappa')]));
    expect(uma[header.indexOf('verdict')]).toBe('below the criteria');
  });

  it('names nobody the member may not see by name, and neutralises spreadsheet formulas', () => {
    const table = roundFiguresTable(
      report([
        { coderId: 'u1', name: '=HYPERLINK("x")', submitted: true, self: true },
        { coderId: 'u2', name: null, submitted: true, self: false },
      ]),
      translator('nl'),
    );
    expect(table[1]![0]).not.toMatch(/^=/);
    expect(table[2]![0]).toBe('');
  });
});
