'use server';
/*
 * The review desk's form actions. Each signs the user in to the project again (a server
 * action is a public endpoint); the lib functions check the policy themselves.
 */
import { revalidatePath } from 'next/cache';
import type { MessageKey } from '@/lib/i18n/messages';
import { addReviewComment, confirmResettle, decideReopen, proposeResettle, requestReopen, type SeenProposal } from '@/lib/review/notes';
import { applyProposal, proposeDefinitionChange } from '@/lib/review/proposals';
import { formObject, runAction, type ActionState } from '@/app/_server/action-result';
import { getT, requireProject, type ProjectContext } from '@/app/_server/context';

/** Runs `fn` for the signed-in member; its answer is the message shown; the project's pages are refreshed. */
async function act(projectId: string, form: FormData, fn: (ctx: ProjectContext) => Promise<[MessageKey, Record<string, string | number>?]>): Promise<ActionState> {
  const ctx = await requireProject(projectId);
  const t = await getT();
  const state = await runAction(t, form, async () => {
    const [key, params] = await fn(ctx);
    return { ok: true, message: t(key, params) };
  });
  revalidatePath(`/projects/${ctx.project.id}`, 'layout');
  return state;
}

const strings = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');

export async function addCommentAction(projectId: string, sessionId: string, cell: string, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    await addReviewComment(d, actor, project.id, { sessionId, cell, text: form.get('text') });
    return ['review.commentAdded'];
  });
}

export async function requestReopenAction(projectId: string, sessionId: string, cell: string, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    await requestReopen(d, actor, project.id, { sessionId, cell, text: form.get('text') });
    return ['review.reopenRequested'];
  });
}

export async function decideReopenAction(projectId: string, requestId: string, accept: boolean, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    await decideReopen(d, actor, project.id, requestId, accept);
    return [accept ? 'review.reopenAcceptedNote' : 'review.reopen.declined'];
  });
}

export async function proposeResettleAction(projectId: string, requestId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    const status = await proposeResettle(d, actor, project.id, requestId, formObject(form));
    return [status === 'resettled' ? 'review.resettleDone' : 'review.resettleProposed'];
  });
}

/** `seen` is the proposal the coder had on screen (bound into the form): a replaced one is refused, not confirmed. */
export async function confirmResettleAction(projectId: string, requestId: string, seen: SeenProposal, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    await confirmResettle(d, actor, project.id, requestId, seen);
    return ['review.resettleDone'];
  });
}

export async function proposeAction(projectId: string, behaviourKey: string, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    await proposeDefinitionChange(d, actor, project.id, { ...formObject(form), behaviourKey, cells: strings(form, 'cells') });
    return ['review.proposed'];
  });
}

export async function applyProposalAction(projectId: string, proposalId: string, _: ActionState, form: FormData): Promise<ActionState> {
  return act(projectId, form, async ({ d, project, actor }) => {
    const version = await applyProposal(d, actor, project.id, proposalId);
    return ['review.applied', { number: version.number }];
  });
}
