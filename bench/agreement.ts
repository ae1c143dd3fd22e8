/**
 * Times the full project agreement report (every level, point estimates and analytic
 * standard errors) on 1,000 sessions × 80 behaviours × 12 intervals × 2 coders, against
 * a straightforward per-cell implementation in the same process.
 *
 *   npx tsx bench/agreement.ts
 *
 * Prints PASS/FAIL against the 100 ms target and exits 1 on FAIL.
 */
import { binaryAgreement, type BinaryAgreement, projectAgreementReport, type ProjectTallies, seededRandom, type SessionTallies } from '@/lib/agreement';

const SESSIONS = 1000;
const BEHAVIOURS = 80;
const ASPECTS = 8;
const INTERVALS = 12;
const CODERS = ['ana', 'bram', 'chris', 'dewi', 'eva', 'finn'];
const TARGET_MS = 100;

/** Realistic interval data: prevalence 15–30% per behaviour, coders who miss 15% and add 5%. */
function generate(seed: number): ProjectTallies {
  const random = seededRandom(seed);
  const behaviourAspects = Uint8Array.from({ length: BEHAVIOURS }, (_, b) => b % ASPECTS);
  const prevalence = Float64Array.from({ length: BEHAVIOURS }, () => 0.15 + 0.15 * random());
  const observe = (truth: number) => (truth ? (random() < 0.85 ? 1 : 0) : random() < 0.05 ? 1 : 0);
  const sessions: SessionTallies[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const cells = BEHAVIOURS * INTERVALS;
    const coderA = new Uint8Array(cells);
    const coderB = new Uint8Array(cells);
    const consensus = new Uint8Array(cells);
    for (let b = 0; b < BEHAVIOURS; b++) {
      for (let i = 0; i < INTERVALS; i++) {
        const truth = random() < prevalence[b]! ? 1 : 0;
        const cell = b * INTERVALS + i;
        coderA[cell] = observe(truth);
        coderB[cell] = observe(truth);
        consensus[cell] = coderA[cell] === coderB[cell] ? coderA[cell]! : truth;
      }
    }
    const first = Math.floor(random() * CODERS.length);
    const second = (first + 1 + Math.floor(random() * (CODERS.length - 1))) % CODERS.length;
    sessions.push({ intervals: INTERVALS, coderA, coderB, consensus, coderAId: CODERS[first]!, coderBId: CODERS[second]! });
  }
  return { behaviourAspects, sessions };
}

interface Cell {
  session: number;
  behaviour: number;
  aspect: number;
  interval: number;
  pair: string;
  /** Coder A of the session is the pair's second coder, so pair-level tables exchange a and b. */
  pairSwapped: boolean;
  a: number;
  b: number;
  consensus: number;
}

/** The obvious implementation: one object per cell, regrouped and recounted for every level. */
function naiveReport(tallies: ProjectTallies) {
  const cells: Cell[] = [];
  tallies.sessions.forEach((s, session) => {
    const swapped = s.coderAId > s.coderBId;
    const pair = swapped ? `${s.coderBId}+${s.coderAId}` : `${s.coderAId}+${s.coderBId}`;
    for (let behaviour = 0; behaviour < tallies.behaviourAspects.length; behaviour++) {
      for (let interval = 0; interval < s.intervals; interval++) {
        const k = behaviour * s.intervals + interval;
        cells.push({
          session,
          behaviour,
          aspect: tallies.behaviourAspects[behaviour]!,
          interval,
          pair,
          pairSwapped: swapped,
          a: s.coderA[k]!,
          b: s.coderB[k]!,
          consensus: s.consensus![k]!,
        });
      }
    }
  });
  const agreementOf = (group: Cell[]) => {
    const table = (x: (c: Cell) => number, y: (c: Cell) => number) => ({
      a: group.filter((c) => x(c) === 1 && y(c) === 1).length,
      b: group.filter((c) => x(c) === 1 && y(c) === 0).length,
      c: group.filter((c) => x(c) === 0 && y(c) === 1).length,
      d: group.filter((c) => x(c) === 0 && y(c) === 0).length,
    });
    const disagreements = group.filter((c) => c.a !== c.b);
    return {
      independent: binaryAgreement(table((c) => c.a, (c) => c.b)),
      coderA: binaryAgreement(table((c) => c.a, (c) => c.consensus)),
      coderB: binaryAgreement(table((c) => c.b, (c) => c.consensus)),
      followedA: disagreements.filter((c) => c.consensus === c.a).length,
      followedB: disagreements.filter((c) => c.consensus === c.b).length,
    };
  };
  const byKey = (key: (c: Cell) => string | number, orient: (c: Cell) => Cell = (c) => c) => {
    const groups = new Map<string | number, Cell[]>();
    for (const cell of cells) {
      const c = orient(cell);
      const k = key(c);
      const group = groups.get(k);
      if (group) group.push(c);
      else groups.set(k, [c]);
    }
    return new Map([...groups].map(([k, group]) => [k, agreementOf(group)]));
  };
  return {
    overall: agreementOf(cells),
    byBehaviour: byKey((c) => c.behaviour),
    byAspect: byKey((c) => c.aspect),
    bySession: byKey((c) => c.session),
    byCoderPair: byKey(
      (c) => c.pair,
      (c) => (c.pairSwapped ? { ...c, a: c.b, b: c.a } : c),
    ),
    byIntervalPosition: byKey((c) => c.interval),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const estimateOf = (c: BinaryAgreement['cohenKappa']) => c.estimate;

const tallies = generate(42);
const cells = SESSIONS * BEHAVIOURS * INTERVALS;
for (let i = 0; i < 3; i++) projectAgreementReport(tallies); // warm up the JIT
const fastMs = time(() => projectAgreementReport(tallies), 9);
const naiveMs = time(() => naiveReport(tallies), 3);

// The two implementations must agree before their times mean anything.
const fast = projectAgreementReport(tallies);
const naive = naiveReport(tallies);
const same = (x: BinaryAgreement, y: BinaryAgreement) => Math.abs(estimateOf(x.cohenKappa)! - estimateOf(y.cohenKappa)!) < 1e-12;
const agree =
  same(fast.overall.independent, naive.overall.independent) &&
  fast.byBehaviour.every((l, b) => same(l.independent, naive.byBehaviour.get(b)!.independent)) &&
  fast.byCoderPair.every((p) => same(p.independent, naive.byCoderPair.get(p.coders.join('+'))!.independent)) &&
  fast.byIntervalPosition.every((l, i) => same(l.consensus!.coderA, naive.byIntervalPosition.get(i)!.coderA)) &&
  fast.overall.consensus!.followedA === naive.overall.followedA;
if (!agree) {
  console.error('the fast and the per-cell reports disagree');
  process.exit(1);
}

const verdict = fastMs <= TARGET_MS ? 'PASS' : 'FAIL';
console.log(
  `agreement report: ${SESSIONS} sessions × ${BEHAVIOURS} behaviours × ${INTERVALS} intervals × 2 coders = ${(2 * cells).toLocaleString('en')} marks (${cells.toLocaleString('en')} double-coded cells, all reconciled)`,
);
console.log(`  fast report (median of 9):      ${fastMs.toFixed(1)} ms`);
console.log(`  per-cell baseline (median of 3): ${naiveMs.toFixed(1)} ms`);
console.log(`  ratio: ${(naiveMs / fastMs).toFixed(1)}× faster`);
console.log(`${verdict}: ${fastMs.toFixed(1)} ms against a target of ${TARGET_MS} ms`);
process.exit(verdict === 'PASS' ? 0 : 1);
