/*
 * POST multipart/form-data with `file`: imports a codebook file as a new version (or the
 * first). All-or-nothing: every problem comes back with file, row or line, and column.
 * Bodies over 50 MB are refused before anything is parsed: by Content-Length, else while
 * streaming.
 */
import { revalidatePath } from 'next/cache';
import { importCodebook } from '@/lib/codebook/formats';
import { saveCodebook } from '@/lib/codebook/repository';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { api, json, readForm } from '@/app/_server/api';
import type { Translate } from '@/lib/i18n/messages';
import { codebookAccess } from '../access';

/** Room for the multipart envelope around a file of the maximum size. */
const FORM_OVERHEAD = 64 * 1024;

const tooLarge = (t: Translate, bytes: number) =>
  json({ ok: false, message: t('codebook.importTooLarge', { size: (bytes / 1024 / 1024).toFixed(1) }) }, 413);

export const POST = api<{ projectId: string }>(async (req, base, { projectId }) => {
  const { d, t, user } = await codebookAccess(base, projectId, 'codebook.edit');
  const limit = MAX_IMPORT_BYTES + FORM_OVERHEAD;
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limit) return tooLarge(t, declared);
  const form = await readForm(req, limit).catch(() => undefined);
  if (form === null) return tooLarge(t, limit);
  const file = form?.get('file');
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return json({ ok: false, message: t('codebook.importChoose') }, 400);
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(t, file.size);

  const imported = await importCodebook({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!imported.ok) return json({ ok: false, message: t('codebook.importFailed', { count: imported.problems.length }), problems: imported.problems }, 422);
  const saved = await saveCodebook(d, projectId, user.id, imported.codebook, { newVersion: true });
  if (!saved.ok) {
    const message = saved.reason === 'stale' ? t('codebook.stale') : t('codebook.importFailed', { count: saved.problems.length });
    return json({ ok: false, message, problems: saved.problems }, saved.reason === 'stale' ? 409 : 422);
  }
  revalidatePath(`/projects/${projectId}/codebook`, 'layout');
  const message = saved.action === 'none' ? t('codebook.importUnchanged') : t('codebook.imported', { number: saved.version.number });
  return json({ ok: true, message, number: saved.version.number });
});
