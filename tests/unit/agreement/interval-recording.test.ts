import { describe, expect, it } from 'vitest';
import { binaryAgreement } from '@/lib/agreement';
import { defined } from './helpers';

// Interval-recording indices of behaviour observation (e.g. Hopkins & Hermann 1977): a = both
// coders marked the behaviour in an interval, b = only coder A, c = only coder B, d = neither.
describe('occurrence and non-occurrence agreement', () => {
  it('count only the intervals in which at least one coder saw (or missed) the behaviour', () => {
    const r = binaryAgreement({ a: 6, b: 2, c: 2, d: 90 });
    expect(r.percentAgreement.estimate).toBeCloseTo(0.96, 12);
    expect(r.occurrenceAgreement.estimate).toBeCloseTo(6 / 10, 12);
    expect(r.nonOccurrenceAgreement.estimate).toBeCloseTo(90 / 94, 12);
    // Delta-method SE of a proportion among the 10 informative intervals.
    expect(defined(r.occurrenceAgreement).se).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 10), 12);
  });

  it('is undefined, not 1, when neither coder ever marked the behaviour', () => {
    const r = binaryAgreement({ a: 0, b: 0, c: 0, d: 48 });
    expect(r.occurrenceAgreement).toEqual({ estimate: null, reason: 'neither coder marked the behaviour in any interval' });
    expect(r.cohenKappa.estimate).toBeNull();
    expect(r.scottPi.estimate).toBeNull();
    expect(r.percentAgreement.estimate).toBe(1);
    expect(r.nonOccurrenceAgreement.estimate).toBe(1);
  });

  it('is undefined for non-occurrence when both coders marked every interval', () => {
    expect(binaryAgreement({ a: 12, b: 0, c: 0, d: 0 }).nonOccurrenceAgreement.estimate).toBeNull();
  });
});

describe('prevalence and bias (Byrt, Bishop & Carlin 1993)', () => {
  it('gives PABAK = 2·po − 1 and the prevalence and bias indices of the Feinstein & Cicchetti table', () => {
    const r = binaryAgreement({ a: 80, b: 10, c: 5, d: 5 });
    expect(r.pabak.estimate).toBeCloseTo(0.7, 12);
    expect(r.prevalenceIndex).toBeCloseTo(0.75, 12);
    expect(r.biasIndex).toBeCloseTo(0.05, 12);
    // Gwet's variance for Brennan–Prediger with q = 2 reduces to 4·po(1 − po)/n.
    expect(defined(r.pabak).se).toBeCloseTo(2 * Math.sqrt((0.85 * 0.15) / 100), 12);
  });

  it('gives nothing at all, with a reason, for an empty table', () => {
    const r = binaryAgreement({ a: 0, b: 0, c: 0, d: 0 });
    expect(r.percentAgreement).toEqual({ estimate: null, reason: 'no unit was coded by both coders' });
    expect(r.prevalenceIndex).toBeNull();
  });
});
