import { exportTallies } from '@/lib/tally/exchange';
import { api, projectActor } from '@/app/_server/api';
import { downloadResponse } from '@/app/_server/download';

/** GET: the tallies the caller may read (the policy decides per tally), as long CSV; audited. */
export const GET = api<{ projectId: string }>(async (_req, base, { projectId }) => {
  const ctx = await projectActor(base, projectId);
  const csv = await exportTallies(ctx.d, ctx.actor, projectId);
  return downloadResponse({ bytes: new TextEncoder().encode(csv), mime: 'text/csv; charset=utf-8', fileName: 'tallies.csv' });
});
