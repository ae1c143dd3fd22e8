import { DomainError } from '@/lib/errors/domain-error';
import { loadTallyContext } from '@/lib/tally/access';
import { readTally, writeTally } from '@/lib/tally/tallies';
import { api, json, projectActor, readJson } from '@/app/_server/api';

type Params = { projectId: string; sessionId: string };

/** GET: the caller's own tally, or `?coder=<id>` another coder's where the policy allows it. */
export const GET = api<Params>(async (req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  if (!tally) throw new DomainError('not-found', 'error.notFound');
  const coder = new URL(req.url).searchParams.get('coder') ?? ctx.user.id;
  return json(await readTally(ctx.d, ctx.actor, tally, coder));
});

/** POST: a batch of the caller's own cell and rating writes. */
export const POST = api<Params>(async (req, base, { projectId, sessionId }) => {
  const ctx = await projectActor(base, projectId);
  const tally = await loadTallyContext(ctx.d, projectId, sessionId);
  if (!tally) throw new DomainError('not-found', 'error.notFound');
  const result = await writeTally(ctx.d, ctx.actor, tally, await readJson(req, ctx.t));
  return result.ok ? json(result) : json({ error: ctx.t('tally.outOfRange'), problems: result.problems }, 422);
});
