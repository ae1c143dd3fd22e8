/*
 * On a session's page: the supervisors' comments on its settled cells and their requests to
 * reopen one, which the session's coders accept or decline here, and then re-settle (one
 * proposes a new mark, the other confirms it). Shown to the session's coders and to the
 * project's reviewers.
 */
import Link from 'next/link';
import { findBehaviour, localized, type Locale } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import type { Database } from '@/lib/db';
import type { Translate } from '@/lib/i18n/messages';
import { can, type Actor } from '@/lib/policy/policy';
import { REVIEW_ACTIONS } from '@/lib/review/access';
import { formatDay } from '@/lib/review/format';
import { parseCell } from '@/lib/review/model';
import { listReviewNotes } from '@/lib/review/notes';
import { intervalHeading } from '@/lib/sessions/intervals';
import type { Session } from '@/lib/sessions/sessions';
import { cellHref, ReopenRequestText } from './DisagreementParts';
import { DecideForms, ResettleForms } from './NoteForms';

export async function SessionReviewNotes({ d, actor, session, coderIds, t, locale }: { d: Database; actor: Actor; session: Session; coderIds: readonly string[]; t: Translate; locale: Locale }) {
  const coder = coderIds.includes(actor.userId) && actor.roles.includes('coder');
  const reviewer = can(actor, REVIEW_ACTIONS.view);
  if (session.status === 'coding' || !(coder || reviewer)) return null;
  const notes = await listReviewNotes(d, [session.id]);
  if (notes.comments.length === 0 && notes.requests.length === 0) return null;
  const codebook = session.codebookVersionId ? (await codebookVersionById(d, session.codebookVersionId))?.codebook : undefined;
  const cellName = (cell: string) => {
    const parsed = parseCell(cell);
    const placed = parsed && codebook ? findBehaviour(codebook, parsed.behaviourKey) : undefined;
    const interval = parsed ? session.intervals[parsed.interval] : undefined;
    return placed && interval ? `${placed.behaviour.code} ${localized(placed.behaviour.label, locale)} · ${intervalHeading(interval)}` : cell;
  };
  const cells = [...new Set([...notes.comments.map((c) => c.cell), ...notes.requests.map((r) => r.cell)])];
  const base = `/projects/${session.projectId}`;
  return (
    <section aria-labelledby="session-review" className="session-review-notes">
      <h3 id="session-review">{t('review.sessionNotesTitle')}</h3>
      <ul className="plain">
        {cells.map((cell) => (
          <li key={cell} className="card">
            <h4>{reviewer ? <Link href={cellHref(base, { sessionId: session.id, cell })}>{cellName(cell)}</Link> : cellName(cell)}</h4>
            <ul className="plain">
              {notes.comments
                .filter((c) => c.cell === cell)
                .map((c) => (
                  <li key={c.id}>
                    <strong>{c.authorName}</strong> ({t('review.supervisorNote')}, {formatDay(c.at.getTime())}): {c.text}
                  </li>
                ))}
              {notes.requests
                .filter((r) => r.cell === cell)
                .map((r) => (
                  <li key={r.id} className="reopen-request">
                    <ReopenRequestText r={r} t={t} />
                    {coder && <DecideForms projectId={session.projectId} requestId={r.id} open={r.status === 'pending'} t={t} />}
                    {coder && r.status !== 'pending' && r.status !== 'declined' && <ResettleForms projectId={session.projectId} request={r} userId={actor.userId} t={t} />}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
