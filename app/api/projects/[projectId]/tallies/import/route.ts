import { revalidatePath } from 'next/cache';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { describeProblem } from '@/lib/files/problems';
import { enforce } from '@/lib/policy/enforce';
import { can, decide } from '@/lib/policy/policy';
import { importTallies } from '@/lib/tally/exchange';
import { api, json, projectActor, readForm } from '@/app/_server/api';

/** POST multipart `file`: tallies in the long CSV format, all or nothing, every problem listed. Audited. */
export const POST = api<{ projectId: string }>(async (req, base, { projectId }) => {
  const ctx = await projectActor(base, projectId);
  // Owners import any tally; trainers only gold standards (consensus lists of calibration recordings).
  const scope = can(ctx.actor, 'sessions.manage') ? 'project' : 'gold';
  if (scope === 'gold') enforce(decide(ctx.actor, 'calibration.manage'));
  const limit = MAX_IMPORT_BYTES + 64 * 1024;
  if (Number(req.headers.get('content-length') ?? 0) > limit) return json({ ok: false, message: ctx.t('error.tooLarge') }, 413);
  const form = await readForm(req, limit).catch(() => undefined);
  if (form === null) return json({ ok: false, message: ctx.t('error.tooLarge') }, 413);
  const file = form?.get('file');
  if (!(file instanceof File) || !file.name) return json({ ok: false, message: ctx.t('field.required') }, 400);
  const result = await importTallies(ctx.d, projectId, ctx.user.id, file.name, new Uint8Array(await file.arrayBuffer()), scope);
  if (!result.ok) return json({ ok: false, message: ctx.t('tallies.importFailed', { count: result.problems.length }), problems: result.problems.map(describeProblem) }, 422);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return json({ ok: true, message: ctx.t('tallies.imported', { marks: result.marks, sessions: result.sessions }) });
});
