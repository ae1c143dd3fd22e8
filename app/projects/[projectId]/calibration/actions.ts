'use server';
/*
 * The calibration page's form actions. Each re-checks the right itself (a server action is a
 * public endpoint); lib/calibration enforces the policy once more.
 */
import { revalidatePath } from 'next/cache';
import { createGoldRecording, createRound, revealRound } from '@/lib/calibration/rounds';
import { updateProjectSettings } from '@/lib/projects/settings';
import { formObject, runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireProject } from '@/app/_server/context';

const strings = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');

function refresh(projectId: string) {
  // Rounds, statuses and badges show on several pages of the project (members, sessions).
  revalidatePath(`/projects/${projectId}`, 'layout');
}

export async function saveCriteriaAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, user } = await requireProject(projectId, 'calibration.manage');
  const t = await getT();
  const f = formObject(form);
  const state = await runAction(t, form, async () => {
    await updateProjectSettings(d, project.id, user.id, { markStatistic: f.markStatistic, markThreshold: f.markThreshold, ratingTolerance: f.ratingTolerance, ratingShare: f.ratingShare });
    return { ok: true, message: t('calibration.criteriaSaved') };
  });
  refresh(project.id);
  return state;
}

export async function createGoldAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, actor } = await requireProject(projectId, 'calibration.manage');
  const t = await getT();
  const state = await runAction(t, form, async () => {
    const f = formObject(form);
    const session = await createGoldRecording(d, actor, project.id, {
      caseNumber: f.caseNumber,
      label: f.label,
      durationMinutes: f.durationMinutes,
      intervalMinutes: f.intervalMinutes,
      codebookVersionId: f.codebookVersionId || null,
      coderIds: strings(form, 'coderIds'),
    });
    return { ok: true, message: t('calibration.recordingCreated', { label: session.label }) };
  });
  refresh(project.id);
  return state;
}

export async function createRoundAction(projectId: string, _: ActionState, form: FormData): Promise<ActionState> {
  const { d, project, actor } = await requireProject(projectId, 'calibration.manage');
  const t = await getT();
  const state = await runAction(t, form, async () => {
    const f = formObject(form);
    const round = await createRound(d, actor, project.id, {
      goldSessionId: f.goldSessionId ?? '',
      label: f.label,
      traineeIds: strings(form, 'traineeIds'),
      deadline: f.deadline,
      showGold: f.showGold === 'on',
      showNames: f.showNames === 'on',
    });
    return { ok: true, message: t('calibration.roundCreated', { label: round.session.label }) };
  });
  refresh(project.id);
  return state;
}

export async function revealRoundAction(projectId: string, roundId: string, _: ActionState): Promise<ActionState> {
  const { d, project, actor } = await requireProject(projectId, 'calibration.manage');
  const t = await getT();
  const state = await runAction(t, null, async () => {
    await revealRound(d, actor, project.id, roundId);
    return { ok: true, message: t('calibration.revealed') };
  });
  refresh(project.id);
  return state;
}
