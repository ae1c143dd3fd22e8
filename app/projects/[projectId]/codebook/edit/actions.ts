'use server';
/*
 * Saving from the editor. The draft comes from the browser, so it is read like an imported
 * JSON file (shape and validation), and the policy is checked again here.
 */
import { revalidatePath } from 'next/cache';
import { importJson, JSON_FORMAT, JSON_VERSION } from '@/lib/codebook/formats/json';
import type { CodebookProblem } from '@/lib/codebook/problems';
import { saveCodebook } from '@/lib/codebook/repository';
import { getT, requireProject } from '@/app/_server/context';

export interface SaveState {
  ok: boolean;
  message: string;
  /** After a save: the stored version, for the next save's concurrency check. */
  version?: { number: number; revision: string; inUse: boolean };
  problems?: CodebookProblem[];
}

export async function saveCodebookAction(projectId: string, draft: unknown, baseRevision: string | null): Promise<SaveState> {
  const { d, project, user } = await requireProject(projectId, 'codebook.edit');
  const t = await getT();
  try {
    const body = typeof draft === 'object' && draft !== null ? draft : {};
    const bytes = new TextEncoder().encode(JSON.stringify({ ...body, format: JSON_FORMAT, version: JSON_VERSION }));
    const parsed = importJson(bytes, 'codebook.json');
    if (!parsed.ok) return { ok: false, message: t('codebookEditor.saveBlocked'), problems: parsed.problems };
    const result = await saveCodebook(d, project.id, user.id, parsed.codebook, { baseRevision });
    if (!result.ok) {
      const message = result.reason === 'stale' ? t('codebook.stale') : t('codebookEditor.saveBlocked');
      return { ok: false, message, problems: result.problems };
    }
    const { number, revision } = result.version;
    revalidatePath(`/projects/${project.id}/codebook`, 'layout');
    if (result.action === 'none') return { ok: true, message: t('codebookEditor.noChanges') };
    const message = result.action === 'edit-in-place' ? t('codebookEditor.savedInPlace', { number }) : t('codebookEditor.savedNew', { number });
    return { ok: true, message, version: { number, revision, inUse: false } };
  } catch (e) {
    console.error('saving the codebook failed:', e);
    return { ok: false, message: t('error.unexpected') };
  }
}
