/* The review desk's forms, built from the form kit and bound to the server actions. */
import type { Localized } from '@/lib/codebook/model';
import type { Translate } from '@/lib/i18n/messages';
import type { ReopenRequest } from '@/lib/review/model';
import { ActionForm, CheckboxGroup, Field, FieldError, SubmitButton } from '@/app/_components/Form';
import { addCommentAction, applyProposalAction, confirmResettleAction, decideReopenAction, proposeAction, proposeResettleAction, requestReopenAction } from './actions';

export function ProposalForm({
  projectId,
  behaviourKey,
  current,
  cited,
  t,
}: {
  projectId: string;
  behaviourKey: string;
  current: { definition: Localized; include: Localized; exclude: Localized };
  cited: { value: string; label: string }[];
  t: Translate;
}) {
  return (
    <ActionForm action={proposeAction.bind(null, projectId, behaviourKey)} label={t('review.proposeTitle')} className="review-proposal-form">
      <div className="pair">
        <Field name="definitionEn" label={t('review.definitionEn')} multiline required defaultValue={current.definition.en} />
        <Field name="definitionNl" label={t('review.definitionNl')} multiline defaultValue={current.definition.nl} />
        <Field name="includeEn" label={t('review.includeEn')} multiline defaultValue={current.include.en} />
        <Field name="includeNl" label={t('review.includeNl')} multiline defaultValue={current.include.nl} />
        <Field name="excludeEn" label={t('review.excludeEn')} multiline defaultValue={current.exclude.en} />
        <Field name="excludeNl" label={t('review.excludeNl')} multiline defaultValue={current.exclude.nl} />
      </div>
      <Field name="motivation" label={t('review.motivation')} multiline required hint={t('review.motivationHint')} />
      {cited.length > 0 && <CheckboxGroup name="cells" legend={t('review.cited')} options={cited} checked={cited.map((c) => c.value)} />}
      <SubmitButton>{t('review.proposeSubmit')}</SubmitButton>
    </ActionForm>
  );
}

export function CommentForm({ projectId, sessionId, cell, t }: { projectId: string; sessionId: string; cell: string; t: Translate }) {
  return (
    <ActionForm action={addCommentAction.bind(null, projectId, sessionId, cell)} label={t('review.commentTitle')}>
      <Field name="text" label={t('review.commentText')} multiline required hint={t('review.commentHint')} />
      <SubmitButton>{t('review.commentSubmit')}</SubmitButton>
    </ActionForm>
  );
}

/** While a request waits for the coders, the form shows that instead of its fields (and stays mounted, so its message is still announced). */
export function ReopenForm({ projectId, sessionId, cell, pending, t }: { projectId: string; sessionId: string; cell: string; pending: boolean; t: Translate }) {
  return (
    <ActionForm action={requestReopenAction.bind(null, projectId, sessionId, cell)} label={t('review.reopenTitle')}>
      {pending ? (
        <p className="muted">{t('review.reopenPending')}</p>
      ) : (
        <>
          <Field name="text" label={t('review.reopenReason')} multiline required hint={t('review.reopenHint')} />
          <SubmitButton className="secondary">{t('review.reopenSubmit')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Stays mounted once applied (without its button), so its status message is still announced. */
export function ApplyForm({ projectId, proposalId, open, t }: { projectId: string; proposalId: string; open: boolean; t: Translate }) {
  return (
    <ActionForm action={applyProposalAction.bind(null, projectId, proposalId)}>
      {open && <SubmitButton>{t('review.applySubmit')}</SubmitButton>}
    </ActionForm>
  );
}

/** Accept or decline a reopen request: two small forms side by side; once decided, only their messages remain. */
export function DecideForms({ projectId, requestId, open, t }: { projectId: string; requestId: string; open: boolean; t: Translate }) {
  return (
    <div className="row review-decide">
      <ActionForm action={decideReopenAction.bind(null, projectId, requestId, true)}>
        {open && <SubmitButton className="secondary small">{t('review.accept')}</SubmitButton>}
      </ActionForm>
      <ActionForm action={decideReopenAction.bind(null, projectId, requestId, false)}>
        {open && <SubmitButton className="danger small">{t('review.decline')}</SubmitButton>}
      </ActionForm>
    </div>
  );
}

/**
 * Re-settling an accepted request's cell, for the session's coders: confirm the partner's
 * proposal, and propose a new mark with a rationale (while a proposal waits, folded away: a
 * new one replaces it). Both forms stay mounted as the request moves on, so their messages
 * are still announced.
 */
export function ResettleForms({ projectId, request, userId, t }: { projectId: string; request: ReopenRequest; userId: string; t: Translate }) {
  const proposed = request.status === 'proposed';
  const fields = (
    <>
      <fieldset className="checks">
        <legend>{t('review.newMark')}</legend>
        <label>
          <input type="radio" name="value" value="1" required /> {t('review.mark1')}
        </label>
        <label>
          <input type="radio" name="value" value="0" /> {t('review.mark0')}
        </label>
        <FieldError name="value" />
      </fieldset>
      <Field name="rationale" label={t('review.resettleRationale')} multiline required hint={t('review.resettleHint')} />
      <SubmitButton className="secondary small">{t('review.proposeSubmit')}</SubmitButton>
    </>
  );
  return (
    <div className="review-resettle">
      <ActionForm action={confirmResettleAction.bind(null, projectId, request.id, { value: request.resettleValue ?? 0, proposedBy: request.resettleProposedBy ?? '', rationale: request.resettleRationale ?? '' })}>
        {proposed && (request.resettleProposedBy === userId ? <p className="muted">{t('review.waitingForPartner')}</p> : <SubmitButton className="small">{t('review.confirmSubmit')}</SubmitButton>)}
      </ActionForm>
      <ActionForm action={proposeResettleAction.bind(null, projectId, request.id)} label={t(proposed ? 'review.resettleAgainTitle' : 'review.resettleTitle')}>
        {request.status === 'accepted' && fields}
        {proposed && (
          <details>
            <summary>{t('review.resettleAgainTitle')}</summary>
            {fields}
          </details>
        )}
      </ActionForm>
    </div>
  );
}
