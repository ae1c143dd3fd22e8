import { describe, expect, it } from 'vitest';
import { binaryAgreement, NOT_CODED, projectAgreementReport, type ProjectTallies, seededRandom, type SessionTallies, type TwoByTwo } from '@/lib/agreement';

/** Two behaviours in two aspects; session 1 has 3 intervals, session 2 has 2 and no consensus. */
const small: ProjectTallies = {
  behaviourAspects: [0, 1],
  sessions: [
    {
      intervals: 3,
      //                 behaviour 0 | behaviour 1
      coderA: Uint8Array.of(1, 0, 1, /**/ 0, 0, NOT_CODED),
      coderB: Uint8Array.of(1, 1, 0, /**/ 0, 1, 1),
      consensus: Uint8Array.of(1, 1, 1, /**/ 0, 0, 0),
      coderAId: 'bob',
      coderBId: 'ann',
    },
    {
      intervals: 2,
      coderA: Uint8Array.of(0, 1, /**/ 1, 1),
      coderB: Uint8Array.of(0, 1, /**/ 0, 1),
      coderAId: 'ann',
      coderBId: 'bob',
    },
  ],
};

describe('project agreement report', () => {
  const report = projectAgreementReport(small);

  it('counts the 2×2 table of every level in one pass, leaving out cells a coder did not code', () => {
    expect(report.design).toEqual({ sessions: 2, reconciledSessions: 1, behaviours: 2, aspects: 2, intervals: 5, cells: 9, notCodedCells: 1, reconciledCells: 5 });
    expect(report.byBehaviour[0]!.counts).toEqual({ a: 2, b: 1, c: 1, d: 1 });
    expect(report.byBehaviour[1]!.counts).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    expect(report.byAspect.map((l) => l.counts)).toEqual(report.byBehaviour.map((l) => l.counts));
    expect(report.bySession[0]!.counts).toEqual({ a: 1, b: 1, c: 2, d: 1 });
    expect(report.bySession[1]!.counts).toEqual({ a: 2, b: 1, c: 0, d: 1 });
    expect(report.overall.counts).toEqual({ a: 3, b: 2, c: 2, d: 2 });
    expect(report.byIntervalPosition.map((l) => l.counts)).toEqual([
      { a: 1, b: 1, c: 0, d: 2 },
      { a: 2, b: 0, c: 2, d: 0 },
      { a: 0, b: 1, c: 0, d: 0 },
    ]);
  });

  it('takes coefficients from the counts', () => {
    expect(report.overall.independent).toEqual(binaryAgreement(report.overall.counts));
  });

  it('orients every session of a coder pair the same way, so the bias index keeps its meaning', () => {
    expect(report.byCoderPair).toHaveLength(1);
    const pair = report.byCoderPair[0]!;
    expect(pair.coders).toEqual(['ann', 'bob']);
    expect(pair.sessions).toBe(2);
    // Session 1 had bob as coder A, so its b and c change places: ann marked alone in 2 cells
    // of session 1 and 1 of session 2 (b = 3); bob alone in 1 cell of session 1 (c = 1).
    expect(pair.counts).toEqual({ a: 3, b: 3, c: 1, d: 2 });
  });

  it('says whom the consensus followed where the coders disagreed', () => {
    const c = report.overall.consensus!;
    // Reconciled disagreements: (A1,B0,Z1) kept A; (A0,B1,Z1) kept B; (A0,B1,Z0) kept A.
    expect([c.cells, c.disagreements, c.followedA, c.followedB]).toEqual([5, 3, 2, 1]);
    expect(c.shareFollowedA.estimate).toBeCloseTo(2 / 3, 12);
    // Coder A against the consensus in session 1: (1,1) (0,1) (1,1) (0,0) (0,0); coder B: (1,1) (1,1) (0,1) (0,0) (1,0).
    expect(c.coderA).toEqual(binaryAgreement({ a: 2, b: 0, c: 1, d: 2 }));
    expect(c.coderB).toEqual(binaryAgreement({ a: 2, b: 1, c: 1, d: 1 }));
    expect(report.bySession[1]!.consensus).toBeNull();
  });

  it('rejects tallies whose length does not match behaviours × intervals', () => {
    const broken: SessionTallies = { ...small.sessions[1]!, coderB: Uint8Array.of(0, 1, 1) };
    expect(() => projectAgreementReport({ ...small, sessions: [broken] })).toThrow(RangeError);
  });

  it('agrees with a cell-by-cell count on random data at every level', () => {
    const random = seededRandom(11);
    const behaviours = 7;
    const tallies: ProjectTallies = {
      behaviourAspects: Array.from({ length: behaviours }, (_, b) => b % 3),
      sessions: Array.from({ length: 25 }, (_, s) => {
        const intervals = 4 + (s % 5);
        const mark = () => (random() < 0.02 ? NOT_CODED : random() < 0.25 ? 1 : 0);
        const cells = behaviours * intervals;
        return {
          intervals,
          coderA: Uint8Array.from({ length: cells }, mark),
          coderB: Uint8Array.from({ length: cells }, mark),
          coderAId: `c${s % 3}`,
          coderBId: `c${(s % 3) + 1}`,
        };
      }),
    };
    const expected = { behaviour: new Map<number, TwoByTwo>(), session: new Map<number, TwoByTwo>(), position: new Map<number, TwoByTwo>() };
    const add = (map: Map<number, TwoByTwo>, key: number, x: number, y: number) => {
      const t = map.get(key) ?? { a: 0, b: 0, c: 0, d: 0 };
      if (x && y) t.a++;
      else if (x) t.b++;
      else if (y) t.c++;
      else t.d++;
      map.set(key, t);
    };
    tallies.sessions.forEach((s, si) => {
      for (let b = 0; b < behaviours; b++) {
        for (let i = 0; i < s.intervals; i++) {
          const x = s.coderA[b * s.intervals + i]!;
          const y = s.coderB[b * s.intervals + i]!;
          if (x === NOT_CODED || y === NOT_CODED) continue;
          add(expected.behaviour, b, x, y);
          add(expected.session, si, x, y);
          add(expected.position, i, x, y);
        }
      }
    });
    const r = projectAgreementReport(tallies);
    r.byBehaviour.forEach((l, b) => expect(l.counts).toEqual(expected.behaviour.get(b)));
    r.bySession.forEach((l, s) => expect(l.counts).toEqual(expected.session.get(s)));
    r.byIntervalPosition.forEach((l, i) => expect(l.counts).toEqual(expected.position.get(i)));
  });
});
