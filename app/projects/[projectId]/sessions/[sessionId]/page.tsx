import { notFound } from 'next/navigation';
import Link from 'next/link';
import { can, decideBoardAccess, TALLYING_ROLES } from '@/lib/policy/policy';
import { calibrationStatuses, type CalibrationStatus } from '@/lib/calibration/report';
import { listMembers } from '@/lib/projects/members';
import { intervalHeading } from '@/lib/sessions/intervals';
import { getProjectSettings } from '@/lib/projects/settings';
import { coderView } from '@/lib/sessions/coder-view';
import { getSession, listAssignments } from '@/lib/sessions/sessions';
import { boardSubject } from '@/lib/tally/access';
import { ActionForm, CheckboxGroup, SubmitButton } from '@/app/_components/Form';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { assignCodersAction, reopenTallyAction } from '../../actions';
import { partialNote } from '../../session-format';
import { statusBadge } from '../../calibration/format';
import { SessionReviewNotes } from '../../review/SessionReviewNotes';

export default async function SessionPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const { d, project, actor } = await requireProject(projectId, 'sessions.view');
  const session = await getSession(d, project.id, sessionId);
  if (!session) notFound();
  const t = await getT();
  const assigned = (await listAssignments(d, [session.id])).get(session.id) ?? [];
  const coders = (await listMembers(d, project.id)).filter((m) => !m.removed && m.roles.some((r) => TALLYING_ROLES[session.purpose].includes(r)));
  // Whoever assigns sees who is calibrated (their latest calibration round met the criteria).
  const calibration = can(actor, 'sessions.assign') && session.status === 'coding' ? await calibrationStatuses(d, project.id) : new Map<string, CalibrationStatus>();
  const locale = await currentLocale();
  const calibrationBadge = (userId: string) => {
    const status = calibration.get(userId);
    return status ? statusBadge(t, locale, status.criteria, status) : undefined;
  };
  // With double-coding hidden, a coder sees only their own assignment until the reveal.
  const view = coderView(actor, (await getProjectSettings(d, project.id)).hideDoubleCoding, session, assigned);
  return (
    <div className="split">
      <section aria-labelledby="session">
        <h2 id="session">
          {session.caseNumber} · {session.label}
          {session.purpose === 'gold' && (
            <>
              {' '}
              <span className="chip">{t('sessions.goldTag')}</span>
            </>
          )}
        </h2>
        <dl className="facts">
          <dt>{t('sessions.duration')}</dt>
          <dd>{session.durationSeconds / 60}</dd>
          <dt>{t('sessions.interval')}</dt>
          <dd>{session.intervalSeconds / 60}</dd>
          <dt>{t('sessions.intervals')}</dt>
          <dd>
            {session.intervals.map((i) => (
              <span key={i.index} className={i.partial ? 'chip partial' : 'chip'}>
                {intervalHeading(i)}
              </span>
            ))}
            {partialNote(t, session) && <small className="muted"> {partialNote(t, session)}</small>}
          </dd>
          <dt>{t('sessions.status')}</dt>
          <dd>
            {t(`sessions.status.${view.status}`)}
            {view.coderList && decideBoardAccess(actor, boardSubject({ session, assignments: assigned })).allowed && (
              <>
                {' · '}
                <Link href={`/projects/${project.id}/sessions/${session.id}/board`}>{t('board.open')}</Link>
              </>
            )}
          </dd>
        </dl>
        <h3>{t('sessions.coders')}</h3>
        {!view.coderList && <p className="hint">{t('sessions.codersHidden')}</p>}
        {view.assignments.length === 0 ? (
          view.coderList && <p className="empty">{t('sessions.noCoders')}</p>
        ) : (
          <ul>
            {view.assignments.map((a) => (
              <li key={a.coderId}>
                {a.name}: {a.submitted ? t('sessions.submitted') : t('sessions.notSubmitted')}
                {a.submitted && session.status === 'coding' && can(actor, 'sessions.manage') && (
                  <form action={reopenTallyAction.bind(null, project.id, session.id, a.coderId)} className="inline">
                    {' '}
                    <button type="submit" className="link-button">
                      {t('tally.reopen')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {view.coderList && <SessionReviewNotes d={d} actor={actor} session={session} coderIds={assigned.map((a) => a.coderId)} t={t} locale={locale} />}
      </section>
      {can(actor, 'sessions.assign') && session.status === 'coding' && (
        <section className="card" aria-labelledby="assign">
          <h2 id="assign">{t('sessions.assign')}</h2>
          <p className="hint">{t('sessions.assignHelp')}</p>
          <ActionForm action={assignCodersAction.bind(null, project.id, session.id)} label={t('sessions.assign')}>
            <CheckboxGroup
              name="coders"
              legend={t('sessions.coders')}
              options={coders.map((c) => ({ value: c.userId, label: c.name, badge: calibrationBadge(c.userId) }))}
              checked={assigned.map((a) => a.coderId)}
            />
            <SubmitButton>{t('common.save')}</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
