import { expect } from 'vitest';
import type { Coefficient, Estimate } from '@/lib/agreement';

/** Narrows to a defined coefficient, failing the test with the reason otherwise. */
export function defined(c: Coefficient): Estimate {
  if (c.estimate === null) throw new Error(`expected a value, got undefined: ${c.reason}`);
  return c;
}

/** Asserts a coefficient against a figure published to `digits` decimals (|difference| < half a unit in the last place). */
export function expectPublished(c: Coefficient, published: { estimate: number; se?: number; ciLow?: number; ciHigh?: number }, digits = 3): void {
  const d = defined(c);
  expect(d.estimate).toBeCloseTo(published.estimate, digits);
  if (published.se !== undefined) expect(d.se).toBeCloseTo(published.se, digits);
  if (published.ciLow !== undefined) expect(d.ciLow).toBeCloseTo(published.ciLow, digits);
  if (published.ciHigh !== undefined) expect(d.ciHigh).toBeCloseTo(published.ciHigh, digits);
}
