import { DomainError } from '@/lib/errors/domain-error';
import { loadTallyContext } from '@/lib/tally/access';
import { submitTally } from '@/lib/tally/tallies';
import { api, json, projectActor } from '@/app/_server/api';

/** POST: freeze the caller's tally; reveals the session when every coder has submitted. */
export const POST = api<{ projectId: string; sessionId: string }>(async (_req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  if (!tally) throw new DomainError('not-found', 'error.notFound');
  return json(await submitTally(ctx.d, ctx.actor, tally));
});
