import Link from 'next/link';
import { notFound } from 'next/navigation';
import { localized } from '@/lib/codebook/model';
import { can } from '@/lib/policy/policy';
import { REVIEW_ACTIONS } from '@/lib/review/access';
import { collectDisagreements } from '@/lib/review/collect';
import { formatDay } from '@/lib/review/format';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { CellNotes, Marks, ReopenRequestText, Settled, SettleTime } from '../../../DisagreementParts';
import { routeParam } from '../../../load';
import { CommentForm, ReopenForm } from '../../../NoteForms';

export default async function ReviewCellPage({ params }: { params: Promise<{ projectId: string; sessionId: string; cell: string }> }) {
  const raw = await params;
  const [sessionId, cell] = [routeParam(raw.sessionId), routeParam(raw.cell)];
  const { d, project, actor } = await requireProject(raw.projectId, REVIEW_ACTIONS.view);
  const [t, locale] = [await getT(), await currentLocale()];
  const data = await collectDisagreements(d, actor, project.id, { sessionIds: [sessionId] });
  const x = data.items.find((i) => i.cell === cell);
  if (!x) notFound();
  const base = `/projects/${project.id}`;
  const pending = x.reopenRequests.some((r) => r.status === 'pending');
  const mayNote = x.sessionStatus === 'finalized' && can(actor, REVIEW_ACTIONS.comment);
  return (
    <div className="review-cell">
      <p>
        <Link href={`${base}/review`}>{t('review.backToDesk')}</Link>
        {' · '}
        <Link href={`${base}/review/behaviours/${encodeURIComponent(x.behaviour.key)}`}>{t('review.allRationales')}</Link>
      </p>
      <h2>
        {x.behaviour.code} {localized(x.behaviour.label, locale)} · {x.intervalHeading}
      </h2>
      <dl className="facts">
        <dt>{t('review.col.session')}</dt>
        <dd>
          <Link href={`${base}/sessions/${x.sessionId}`}>
            {x.caseNumber} · {x.sessionLabel}
          </Link>
        </dd>
        <dt>{t('review.col.aspect')}</dt>
        <dd>{localized(x.behaviour.aspect, locale)}</dd>
        <dt>{t('review.col.marks')}</dt>
        <dd>
          <Marks d={x} />
        </dd>
        <dt>{t('review.col.settled')}</dt>
        <dd>
          <Settled d={x} t={t} />
        </dd>
        <dt>{t('review.col.time')}</dt>
        <dd>
          <SettleTime d={x} t={t} />
        </dd>
        <dt>{t('review.col.date')}</dt>
        <dd>{formatDay(x.date)}</dd>
      </dl>
      <section aria-labelledby="cell-notes">
        <h3 id="cell-notes">{t('review.col.rationale')}</h3>
        <CellNotes d={x} t={t} open />
      </section>
      {x.reopenRequests.length > 0 && (
        <section aria-labelledby="cell-reopen">
          <h3 id="cell-reopen">{t('review.reopenRequests')}</h3>
          <ul className="plain">
            {x.reopenRequests.map((r) => (
              <li key={r.id} className="reopen-request">
                <ReopenRequestText r={r} t={t} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {mayNote ? (
        <div className="split review-cell-forms">
          <section className="card" aria-labelledby="comment-title">
            <h3 id="comment-title">{t('review.commentTitle')}</h3>
            <CommentForm projectId={project.id} sessionId={x.sessionId} cell={x.cell} t={t} />
          </section>
          <section className="card" aria-labelledby="reopen-title">
            <h3 id="reopen-title">{t('review.reopenTitle')}</h3>
            <ReopenForm projectId={project.id} sessionId={x.sessionId} cell={x.cell} pending={pending} t={t} />
          </section>
        </div>
      ) : (
        x.sessionStatus !== 'finalized' && <p className="notice">{t('review.notesAfterFinalize')}</p>
      )}
    </div>
  );
}
