/**
 * The project's agreement report for interval recording: two coders mark, per behaviour
 * and per interval, 1 (occurred) or 0. One pass over all marks fills a 12-bin histogram
 * per behaviour, session and interval position; aspects, coder pairs and the overall
 * figures are sums of those; every coefficient then comes from a histogram's 2×2 tables.
 */
import { type Coefficient, PROPORTION_BOUNDS, undefinedCoefficient, withInterval } from './coefficient';
import { type BinaryAgreement, binaryAgreement, type TwoByTwo } from './two-coder';

/** A mark for an interval a coder did not code (e.g. the recording was cut): the cell is left out. */
export const NOT_CODED = 255;

/** One double-coded session. */
export interface SessionTallies {
  /** Number of intervals in the session. */
  intervals: number;
  /** Coder A's marks, behaviour-major: `coderA[behaviour * intervals + interval]` is 1, 0 or NOT_CODED. */
  coderA: Uint8Array;
  /** Coder B's marks, laid out like coderA. */
  coderB: Uint8Array;
  /** The reconciled marks, laid out like coderA, once the session has been reconciled. */
  consensus?: Uint8Array;
  coderAId: string;
  coderBId: string;
}

export interface ProjectTallies {
  /** The aspect (0-based index) each behaviour of the codebook belongs to; its length is the number of behaviours. */
  behaviourAspects: ArrayLike<number>;
  sessions: readonly SessionTallies[];
}

/** Each coder's independent tallies against the consensus of the reconciled cells. */
export interface ConsensusAgreement {
  /** Cells coded by both coders and reconciled. */
  cells: number;
  coderA: BinaryAgreement;
  coderB: BinaryAgreement;
  /** Reconciled cells on which the coders had disagreed. */
  disagreements: number;
  /** Of those, cells where the consensus kept coder A's mark… */
  followedA: number;
  /** …and where it kept coder B's. */
  followedB: number;
  /** followedA / disagreements with its binomial interval; far from 0.5, one coder may dominate reconciliation. */
  shareFollowedA: Coefficient;
}

/** Agreement at one level (a behaviour, an aspect, a session, …). */
export interface LevelAgreement {
  /** The 2×2 table of the independent tallies: a = both marked, b = only A, c = only B, d = neither. */
  counts: TwoByTwo;
  /** Coder A against coder B, before reconciliation. */
  independent: BinaryAgreement;
  /** Null where no cell at this level has been reconciled. */
  consensus: ConsensusAgreement | null;
}

export interface CoderPairAgreement extends LevelAgreement {
  /** The pair in alphabetical order; "coder A" in this entry is coders[0], whichever side they coded on. */
  coders: [string, string];
  sessions: number;
}

export interface ProjectDesign {
  sessions: number;
  /** Sessions with a consensus. */
  reconciledSessions: number;
  behaviours: number;
  aspects: number;
  /** Intervals summed over sessions. */
  intervals: number;
  /** Behaviour × interval cells coded by both coders. */
  cells: number;
  /** Cells left out because a coder marked them NOT_CODED. */
  notCodedCells: number;
  /** Cells coded by both coders and reconciled. */
  reconciledCells: number;
}

export interface ProjectAgreementReport {
  design: ProjectDesign;
  overall: LevelAgreement;
  byBehaviour: LevelAgreement[];
  byAspect: LevelAgreement[];
  bySession: LevelAgreement[];
  byCoderPair: CoderPairAgreement[];
  /** Indexed by interval position within a session (0 = first interval). */
  byIntervalPosition: LevelAgreement[];
}

/*
 * Histogram bins. Bit 0 = coder A's mark, bit 1 = coder B's. Bins 0–7 are reconciled cells
 * with bit 2 = the consensus; bins 8–11 are cells without a consensus.
 */
const BINS = 12;
const UNRECONCILED = 8;

type Histogram = ArrayLike<number>;

function sumBins(h: Histogram, bins: readonly number[]): number {
  let s = 0;
  for (const b of bins) s += h[b]!;
  return s;
}

function levelFromHistogram(h: Histogram): LevelAgreement {
  const counts: TwoByTwo = {
    a: sumBins(h, [3, 7, 11]),
    b: sumBins(h, [1, 5, 9]),
    c: sumBins(h, [2, 6, 10]),
    d: sumBins(h, [0, 4, 8]),
  };
  const reconciled = sumBins(h, [0, 1, 2, 3, 4, 5, 6, 7]);
  let consensus: ConsensusAgreement | null = null;
  if (reconciled > 0) {
    // Consensus 1 with A 1 / B 0 is bin 5, consensus 0 with A 0 / B 1 is bin 2: both kept A's mark.
    const followedA = h[5]! + h[2]!;
    const followedB = h[1]! + h[6]!;
    const disagreements = followedA + followedB;
    const share = disagreements === 0 ? null : followedA / disagreements;
    consensus = {
      cells: reconciled,
      coderA: binaryAgreement({ a: sumBins(h, [5, 7]), b: sumBins(h, [1, 3]), c: sumBins(h, [4, 6]), d: sumBins(h, [0, 2]) }),
      coderB: binaryAgreement({ a: sumBins(h, [6, 7]), b: sumBins(h, [2, 3]), c: sumBins(h, [4, 5]), d: sumBins(h, [0, 1]) }),
      disagreements,
      followedA,
      followedB,
      shareFollowedA:
        share === null
          ? undefinedCoefficient('the coders agreed on every reconciled cell')
          : withInterval(share, (share * (1 - share)) / disagreements, disagreements, PROPORTION_BOUNDS),
    };
  }
  return { counts, independent: binaryAgreement(counts), consensus };
}

/** Bin with coder A's and coder B's marks exchanged, to orient a session to its pair's order. */
const swapCoders = (bin: number) => (bin & ~3) | ((bin & 1) << 1) | ((bin >> 1) & 1);

function checkShape(tallies: ProjectTallies): void {
  const behaviours = tallies.behaviourAspects.length;
  tallies.sessions.forEach((s, i) => {
    const cells = behaviours * s.intervals;
    for (const [name, marks] of [['coderA', s.coderA], ['coderB', s.coderB], ['consensus', s.consensus]] as const) {
      if (marks && marks.length !== cells) {
        throw new RangeError(`session ${i}: ${name} has ${marks.length} marks, expected ${behaviours} behaviours × ${s.intervals} intervals`);
      }
    }
  });
}

/** The full report: every level, point estimates and analytic standard errors. */
export function projectAgreementReport(tallies: ProjectTallies): ProjectAgreementReport {
  checkShape(tallies);
  const aspectOf = tallies.behaviourAspects;
  const behaviours = aspectOf.length;
  let aspects = 0;
  for (let b = 0; b < behaviours; b++) aspects = Math.max(aspects, aspectOf[b]! + 1);
  const sessions = tallies.sessions;
  let positions = 0;
  for (const s of sessions) positions = Math.max(positions, s.intervals);

  const byBehaviour = new Float64Array(behaviours * BINS);
  const bySession = new Float64Array(sessions.length * BINS);
  // Per-cell increments go to Int32Arrays: cheaper than doubles, and no position holds 2³¹ cells.
  const byPosition = new Int32Array(positions * BINS);
  const row = new Int32Array(BINS);
  let notCodedCells = 0;
  let intervals = 0;

  sessions.forEach((s, si) => {
    const { intervals: width, coderA, coderB, consensus } = s;
    intervals += width;
    for (let b = 0; b < behaviours; b++) {
      row.fill(0);
      const base = b * width;
      for (let i = 0; i < width; i++) {
        const x = coderA[base + i]!;
        const y = coderB[base + i]!;
        if ((x | y) > 1) {
          notCodedCells++;
          continue;
        }
        const z = consensus ? consensus[base + i]! : NOT_CODED;
        const bin = z > 1 ? UNRECONCILED | x | (y << 1) : x | (y << 1) | (z << 2);
        row[bin]!++;
        byPosition[i * BINS + bin]!++;
      }
      for (let k = 0; k < BINS; k++) {
        byBehaviour[b * BINS + k]! += row[k]!;
        bySession[si * BINS + k]! += row[k]!;
      }
    }
  });

  const byAspect = new Float64Array(aspects * BINS);
  const overall = new Float64Array(BINS);
  for (let b = 0; b < behaviours; b++) {
    for (let k = 0; k < BINS; k++) {
      byAspect[aspectOf[b]! * BINS + k]! += byBehaviour[b * BINS + k]!;
      overall[k]! += byBehaviour[b * BINS + k]!;
    }
  }

  const pairs = new Map<string, { coders: [string, string]; sessions: number; h: Float64Array }>();
  sessions.forEach((s, si) => {
    const swapped = s.coderAId > s.coderBId;
    const coders: [string, string] = swapped ? [s.coderBId, s.coderAId] : [s.coderAId, s.coderBId];
    const key = JSON.stringify(coders);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { coders, sessions: 0, h: new Float64Array(BINS) };
      pairs.set(key, pair);
    }
    pair.sessions++;
    for (let k = 0; k < BINS; k++) pair.h[swapped ? swapCoders(k) : k]! += bySession[si * BINS + k]!;
  });

  const levels = (h: Float64Array | Int32Array, count: number) =>
    Array.from({ length: count }, (_, i) => levelFromHistogram(h.subarray(i * BINS, (i + 1) * BINS)));
  const overallLevel = levelFromHistogram(overall);
  const cells = overallLevel.independent.n;
  return {
    design: {
      sessions: sessions.length,
      reconciledSessions: sessions.filter((s) => s.consensus).length,
      behaviours,
      aspects,
      intervals,
      cells,
      notCodedCells,
      reconciledCells: overallLevel.consensus?.cells ?? 0,
    },
    overall: overallLevel,
    byBehaviour: levels(byBehaviour, behaviours),
    byAspect: levels(byAspect, aspects),
    bySession: levels(bySession, sessions.length),
    byCoderPair: [...pairs.values()]
      .sort((p, q) => (p.coders.join('\u0000') < q.coders.join('\u0000') ? -1 : 1))
      .map((p) => ({ coders: p.coders, sessions: p.sessions, ...levelFromHistogram(p.h) })),
    byIntervalPosition: levels(byPosition, positions),
  };
}
