import { describe, expect, it } from 'vitest';
import { fQuantile, normalQuantile, studentTQuantile } from '@/lib/agreement/distributions';

// Reference quantiles from R (qt, qf, qnorm), printed to 6 decimals.
describe('quantiles for 95% intervals', () => {
  it("matches R's qt(0.975, df) for small and large df", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 5);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302653, 5);
    expect(studentTQuantile(0.975, 11)).toBeCloseTo(2.200985, 5);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.04523, 5);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962339, 5);
  });

  it("matches R's qf(0.975, df1, df2), including fractional df2", () => {
    expect(fQuantile(0.975, 5, 15)).toBeCloseTo(3.576415, 5);
    expect(fQuantile(0.975, 19, 39.7)).toBeCloseTo(2.089195, 5);
    expect(fQuantile(0.975, 1, 1)).toBeCloseTo(647.789, 2);
  });

  it("matches R's qnorm(0.975)", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
  });
});
