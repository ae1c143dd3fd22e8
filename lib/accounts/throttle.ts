/*
 * Throttling of repeated failed sign-ins, per account email, stored in the database so it
 * holds across restarts: after MAX_FAILURES failures within WINDOW_MS the account is locked
 * for LOCK_MS. A successful sign-in clears the record.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export async function isLocked(d: Database, key: string, now = new Date()): Promise<boolean> {
  const [row] = await d.db.select().from(d.t.signInFailures).where(eq(d.t.signInFailures.key, key));
  return !!row?.lockedUntil && row.lockedUntil > now;
}

export async function recordFailure(d: Database, key: string, now = new Date()): Promise<void> {
  await d.transaction(async (tx) => {
    const t = d.t.signInFailures;
    // Create the row if needed, then lock it: parallel guesses must each count.
    await tx.insert(t).values({ key, failures: 0, firstFailureAt: now, lockedUntil: null }).onConflictDoNothing();
    const query = tx.select().from(t).where(eq(t.key, key));
    const [row] = d.dialect === 'postgres' ? await query.for('update') : await query;
    const restart = !row || row.failures === 0 || now.getTime() - row.firstFailureAt.getTime() > WINDOW_MS;
    const failures = restart ? 1 : row.failures + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : restart ? null : row.lockedUntil;
    await tx
      .update(t)
      .set({ failures, lockedUntil, ...(restart ? { firstFailureAt: now } : {}) })
      .where(eq(t.key, key));
  });
}

export async function clearFailures(d: Database, key: string): Promise<void> {
  await d.transaction((tx) => tx.delete(d.t.signInFailures).where(eq(d.t.signInFailures.key, key)));
}
