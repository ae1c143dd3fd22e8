import { describe, expect, it } from 'vitest';
import { methodsParagraph, projectAgreementReport, type ProjectTallies } from '@/lib/agreement';

const tallies: ProjectTallies = {
  behaviourAspects: [0, 0, 1],
  sessions: [0, 1, 2, 3].map((s) => ({
    intervals: 4,
    coderA: Uint8Array.of(1, 0, 0, 1, /**/ 0, 0, 1, 0, /**/ 0, 0, 0, 0),
    coderB: Uint8Array.of(1, 0, 1, 1, /**/ 0, 0, 1, 1, /**/ 0, 0, 0, 0),
    consensus: s < 2 ? Uint8Array.of(1, 0, 1, 1, /**/ 0, 0, 1, 0, /**/ 0, 0, 0, 0) : undefined,
    coderAId: 'ann',
    coderBId: 'bob',
  })),
};
const report = projectAgreementReport(tallies);

describe('methods paragraph', () => {
  it('states the design, the coefficients with intervals and the treatment of non-occurrence in English', () => {
    const text = methodsParagraph(report, { language: 'en' });
    expect(text).toContain('4 sessions');
    expect(text).toContain('3 behaviours');
    expect(text).toContain('48 double-coded cells from 16 intervals');
    expect(text).toContain('5-minute interval');
    expect(text).toContain('counted as agreements (on non-occurrence)');
    const kappa = report.overall.independent.cohenKappa;
    if (kappa.estimate === null || kappa.ciLow === null) throw new Error('kappa should be defined');
    expect(text).toContain(`Cohen's kappa was ${kappa.estimate.toFixed(2)} (95% CI [${kappa.ciLow.toFixed(2)},`);
    // The third behaviour was never seen, so its kappa is undefined and reported as such.
    expect(text).toContain('for 1 behaviour that neither coder recorded in any interval');
    // Two reconciled sessions with two disagreements each; the consensus kept ann's mark once per session.
    expect(text).toContain('of the 4 reconciled cells on which the coders had disagreed, the consensus kept the first coder\'s mark in 2');
  });

  it('writes Dutch with decimal commas and the same figures', () => {
    const text = methodsParagraph(report, { language: 'nl', intervalMinutes: 2 });
    expect(text).toContain('4 sessies');
    expect(text).toContain('interval van 2 minuten');
    expect(text).toMatch(/Cohens kappa was 0,\d\d \(95%-BI \[-?0,\d\d; \d,\d\d\]\)/);
    expect(text).not.toMatch(/\d\.\d\d/);
  });

  it('leaves out the consensus sentence before any session is reconciled', () => {
    const unreconciled = projectAgreementReport({ ...tallies, sessions: tallies.sessions.map(({ consensus: _, ...s }) => s) });
    expect(methodsParagraph(unreconciled, { language: 'en' })).not.toContain('consensus');
  });
});
