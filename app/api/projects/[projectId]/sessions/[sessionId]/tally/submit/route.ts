import { DomainError } from '@/lib/errors/domain-error';
import { getProjectSettings } from '@/lib/projects/settings';
import { submitAnswer } from '@/lib/sessions/coder-view';
import { loadTallyContext } from '@/lib/tally/access';
import { submitTally } from '@/lib/tally/tallies';
import { api, json, projectActor } from '@/app/_server/api';

/**
 * POST: freeze the caller's tally; reveals the session when every coder has submitted. With
 * double-coding hidden, a coder learns only whether it revealed (lib/sessions/coder-view).
 */
export const POST = api<{ projectId: string; sessionId: string }>(async (_req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  if (!tally) throw new DomainError('not-found', 'error.notFound');
  const result = await submitTally(ctx.d, ctx.actor, tally);
  const { hideDoubleCoding } = await getProjectSettings(ctx.d, projectId);
  return json(submitAnswer(ctx.actor, hideDoubleCoding, tally.session, tally.assignments.length, result));
});
