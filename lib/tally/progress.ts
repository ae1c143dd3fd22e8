import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db';

/**
 * The caller's own progress per session: how many intervals they have touched. Only ever
 * computed for the caller's own tallies; a partner sees "submitted / not yet" only.
 */
export async function ownProgress(d: Database, coderId: string, sessionIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (sessionIds.length === 0) return out;
  const { t } = d;
  const rows = await d.db
    .selectDistinct({ sessionId: t.tallyCells.sessionId, interval: t.tallyCells.interval })
    .from(t.tallyCells)
    .where(and(eq(t.tallyCells.coderId, coderId), inArray(t.tallyCells.sessionId, sessionIds)));
  for (const r of rows) out.set(r.sessionId, (out.get(r.sessionId) ?? 0) + 1);
  return out;
}
