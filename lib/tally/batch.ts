/*
 * Checking a batch of tally writes against the session it is for: the behaviour must be
 * in the session's codebook version, the interval inside the recording, the mark 0 or 1.
 * A bad batch is refused whole, with every problem listed.
 */
import { z } from 'zod';
import type { Codebook } from '@/lib/codebook/model';
import { flattenBehaviours } from '@/lib/codebook/model';
import { MAX_BATCH_WRITES, MAX_MOMENTS_PER_CELL, MAX_NOTE_LENGTH, type TallyBatch } from './model';

const batchSchema = z.object({
  cells: z
    .array(
      z.object({
        behaviourKey: z.string().min(1).max(100),
        interval: z.number().int(),
        value: z.union([z.literal(0), z.literal(1)]),
        note: z.string().max(MAX_NOTE_LENGTH).default(''),
        moments: z.array(z.number().finite().min(0)).max(MAX_MOMENTS_PER_CELL).default([]),
        clientTime: z.number().int().nonnegative(),
      }),
    )
    .max(MAX_BATCH_WRITES)
    .default([]),
  ratings: z
    .array(z.object({ scaleKey: z.string().min(1).max(100), value: z.number().int().nullable(), clientTime: z.number().int().nonnegative() }))
    .max(200)
    .default([]),
});

export interface BatchProblem {
  index: number;
  kind: 'cell' | 'rating';
  problem: 'unknown-behaviour' | 'interval-out-of-range' | 'unknown-scale' | 'rating-out-of-range';
}

export type BatchCheck = { ok: true; batch: TallyBatch } | { ok: false; malformed: true } | { ok: false; malformed: false; problems: BatchProblem[] };

export function checkBatch(input: unknown, codebook: Codebook, intervalCount: number): BatchCheck {
  const parsed = batchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, malformed: true };
  const batch = parsed.data as TallyBatch;
  const behaviours = new Set(flattenBehaviours(codebook).map((f) => f.behaviour.key));
  const scales = new Map(codebook.ratingScales.map((s) => [s.key, s]));
  const problems: BatchProblem[] = [];
  batch.cells.forEach((c, index) => {
    if (!behaviours.has(c.behaviourKey)) problems.push({ index, kind: 'cell', problem: 'unknown-behaviour' });
    else if (c.interval < 0 || c.interval >= intervalCount) problems.push({ index, kind: 'cell', problem: 'interval-out-of-range' });
  });
  batch.ratings.forEach((r, index) => {
    const scale = scales.get(r.scaleKey);
    if (!scale) problems.push({ index, kind: 'rating', problem: 'unknown-scale' });
    else if (r.value !== null && (r.value < scale.min || r.value > scale.max)) problems.push({ index, kind: 'rating', problem: 'rating-out-of-range' });
  });
  return problems.length ? { ok: false, malformed: false, problems } : { ok: true, batch };
}
