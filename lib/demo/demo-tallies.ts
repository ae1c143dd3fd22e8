/*
 * Realistic demo tallies: per behaviour a prevalence, per interval a "true" occurrence,
 * and two coders who each miss some occurrences and see a few that were not there. Seeded,
 * so every installation shows the same figures.
 */
import { flattenBehaviours, type Codebook } from '@/lib/codebook/model';
import type { CellWrite, Mark } from '@/lib/tally/model';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTES = ['Joke about the dog, the family laughs', 'Not sure: was this reassurance or advice?', 'Mother raises her voice; worker stays calm', 'Shares own experience as a parent', 'Definition unclear to me here'];

export interface DemoSessionTallies {
  truth: Map<string, Mark>;
  coderA: CellWrite[];
  coderB: CellWrite[];
}

export function demoTallies(codebook: Codebook, intervals: number, seed: number): DemoSessionTallies {
  const random = seededRandom(seed);
  const truth = new Map<string, Mark>();
  const coderA: CellWrite[] = [];
  const coderB: CellWrite[] = [];
  const now = Date.now();
  for (const { behaviour } of flattenBehaviours(codebook)) {
    const prevalence = behaviour.polarity === 'negative' ? 0.03 + random() * 0.12 : 0.05 + random() * 0.55;
    for (let i = 0; i < intervals; i++) {
      const seen: Mark = random() < prevalence ? 1 : 0;
      truth.set(`${behaviour.key}@${i}`, seen);
      for (const [list, miss, extra] of [
        [coderA, 0.12, 0.04],
        [coderB, 0.18, 0.05],
      ] as const) {
        const value: Mark = seen ? (random() < miss ? 0 : 1) : random() < extra ? 1 : 0;
        if (value === 0 && random() > 0.02) continue;
        const note = value === 1 && random() < 0.06 ? NOTES[Math.floor(random() * NOTES.length)]! : '';
        const moments = value === 1 && random() < 0.5 ? [Math.round(i * 300 + random() * 300)] : [];
        list.push({ behaviourKey: behaviour.key, interval: i, value, note, moments, clientTime: now });
      }
    }
  }
  return { truth, coderA, coderB };
}

/**
 * A trainee's tally of a recording whose gold standard is `truth`: misses a share of what
 * happened and marks a little that did not. Seeded like the coders' tallies.
 */
export function demoTraineeTally(truth: ReadonlyMap<string, Mark>, seed: number, miss: number, extra: number): CellWrite[] {
  const random = seededRandom(seed);
  const now = Date.now();
  const cells: CellWrite[] = [];
  for (const [key, seen] of truth) {
    const value: Mark = seen ? (random() < miss ? 0 : 1) : random() < extra ? 1 : 0;
    if (value === 0) continue;
    const at = key.lastIndexOf('@');
    cells.push({ behaviourKey: key.slice(0, at), interval: Number(key.slice(at + 1)), value, note: '', moments: [], clientTime: now });
  }
  return cells;
}
