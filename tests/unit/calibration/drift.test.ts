import { describe, it, expect } from 'vitest';
import { coderDrift, type DriftObservation, pairObservation } from '@/lib/calibration/drift';

const CELLS = Array.from({ length: 10 }, (_, i) => `c${i}`);
const REFERENCE = new Set(['c0', 'c1', 'c2', 'c3']);

/** Coder tallies with a known kappa against REFERENCE over CELLS. */
const CODER = {
  /** Kappa 1, AC1 1. */
  perfect: { reference: REFERENCE, coder: REFERENCE },
  /** Both 3, over 2, under 1, neither 4: kappa 0.4, AC1 0.205/0.505 (see figures.test.ts). */
  fair: { reference: REFERENCE, coder: new Set(['c0', 'c1', 'c2', 'c4', 'c5']) },
  /** Nobody marked anything: kappa undefined, AC1 1. */
  quiet: { reference: new Set<string>(), coder: new Set<string>() },
};

const observe = (day: number, kind: keyof typeof CODER): DriftObservation =>
  pairObservation({ at: new Date(Date.UTC(2024, 0, day)), sessionId: `s${day}`, label: `Session ${day}`, kind: 'partner', cells: CELLS, ...CODER[kind] });

const KAPPA = { statistic: 'kappa', threshold: 0.7 } as const;

describe('pairObservation', () => {
  it('compares the coder with the reference: marks only the coder made are over, marks only the reference made are under', () => {
    const o = pairObservation({ at: new Date(0), sessionId: 's', label: 'S', kind: 'gold', cells: CELLS, ...CODER.fair });
    expect(o).toMatchObject({ sessionId: 's', label: 'S', kind: 'gold' });
    expect(o.figures).toMatchObject({ n: 10, both: 3, over: 2, under: 1, neither: 4 });
    expect(o.figures.cohenKappa.estimate).toBeCloseTo(0.4, 12);
  });
});

describe('coderDrift', () => {
  // Given out of order: by date the kappas are 1, 0.4, 0.4, 1, undefined.
  const observations = [observe(4, 'perfect'), observe(2, 'fair'), observe(5, 'quiet'), observe(1, 'perfect'), observe(3, 'fair')];

  it('lists observations oldest first without reordering the caller’s array', () => {
    const before = [...observations];
    const d = coderDrift('c', observations, KAPPA);
    expect(d.observations.map((o) => o.sessionId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(observations).toEqual(before);
    expect(d.coderId).toBe('c');
  });

  it('averages the last 3 defined observations by default, skipping undefined ones, and flags a coder below the threshold', () => {
    const d = coderDrift('c', observations, KAPPA);
    expect(d.recent).toBeCloseTo((0.4 + 0.4 + 1) / 3, 12);
    expect(d.below).toBe(true);
  });

  it('follows the window: a shorter window sees only the recent recovery', () => {
    const one = coderDrift('c', observations, KAPPA, 1);
    expect(one.recent).toBeCloseTo(1, 12);
    expect(one.below).toBe(false);
    // (0.4 + 1)/2 is exactly the threshold: not below it.
    const two = coderDrift('c', observations, KAPPA, 2);
    expect(two.recent).toBeCloseTo(0.7, 12);
    expect(two.below).toBe(false);
    const all = coderDrift('c', observations, KAPPA, 10);
    expect(all.recent).toBeCloseTo(2.8 / 4, 12);
  });

  it('uses the chosen statistic: on AC1 the quiet session counts and the coder is not below', () => {
    const d = coderDrift('c', observations, { statistic: 'ac1', threshold: 0.7 });
    expect(d.recent).toBeCloseTo((0.205 / 0.505 + 1 + 1) / 3, 12);
    expect(d.below).toBe(false);
  });

  it('has no recent level and no flag without a defined observation', () => {
    expect(coderDrift('c', [], KAPPA)).toEqual({ coderId: 'c', observations: [], recent: null, below: false });
    const d = coderDrift('c', [observe(1, 'quiet')], KAPPA);
    expect(d.recent).toBeNull();
    expect(d.below).toBe(false);
  });

  it('refuses a window that is not a positive integer', () => {
    expect(() => coderDrift('c', observations, KAPPA, 0)).toThrow(RangeError);
    expect(() => coderDrift('c', observations, KAPPA, 1.5)).toThrow(RangeError);
  });
});
