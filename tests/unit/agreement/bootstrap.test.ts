import { describe, expect, it } from 'vitest';
import { binaryAgreement, bootstrapUnits, projectAgreementReport, seededRandom, type TwoByTwo } from '@/lib/agreement';
import { defined } from './helpers';

describe('seeded bootstrap', () => {
  it('draws the same numbers for the same seed', () => {
    const first = seededRandom(5);
    const second = seededRandom(5);
    const draws = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('resamples whole sessions to give an interval for the overall kappa that allows for dependence within sessions', async () => {
    const random = seededRandom(3);
    const sessions = Array.from({ length: 30 }, (_, s) => {
      // Sessions differ in how well the coders agree, which the cell-level SE ignores.
      const noise = s % 2 ? 0.05 : 0.3;
      const truth = Uint8Array.from({ length: 40 }, () => (random() < 0.3 ? 1 : 0));
      const copy = () => truth.map((t) => (random() < noise ? 1 - t : t));
      return { intervals: 10, coderA: copy(), coderB: copy(), coderAId: 'ann', coderBId: 'bob' };
    });
    const report = projectAgreementReport({ behaviourAspects: [0, 0, 1, 1], sessions });
    const tables = report.bySession.map((l) => l.counts);
    const kappaOf = (multiplicity: Uint32Array) => {
      const sum: TwoByTwo = { a: 0, b: 0, c: 0, d: 0 };
      tables.forEach((t, s) => {
        for (const key of ['a', 'b', 'c', 'd'] as const) sum[key] += multiplicity[s]! * t[key];
      });
      return binaryAgreement(sum).cohenKappa.estimate;
    };
    const progress: number[] = [];
    const result = await bootstrapUnits(tables.length, kappaOf, { replicates: 300, onProgress: (done) => progress.push(done) });
    const clustered = defined(result.coefficient);
    expect(clustered.estimate).toBeCloseTo(defined(report.overall.independent.cohenKappa).estimate, 12);
    expect(clustered.ciLow!).toBeLessThan(clustered.estimate);
    expect(clustered.ciHigh!).toBeGreaterThan(clustered.estimate);
    expect(progress.at(-1)).toBe(300);
    expect(progress.length).toBeGreaterThan(1);
  });
});
