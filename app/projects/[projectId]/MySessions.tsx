import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import type { CoderView } from '@/lib/sessions/coder-view';
import type { Session } from '@/lib/sessions/sessions';

/**
 * A coder's assigned sessions with their own status: not started, in progress, submitted,
 * revealed. `views` (lib/sessions/coder-view) keeps a session "submitted" for a coder who may
 * not know whether it is double-coded, until it is revealed.
 */
export function MySessions({ t, sessions, views, progress, userId, base }: { t: Translate; sessions: Session[]; views: Map<string, CoderView>; progress: Map<string, number>; userId: string; base: string }) {
  const mine = sessions.flatMap((s) => {
    const view = views.get(s.id);
    const me = view?.assignments.find((a) => a.coderId === userId);
    return view && me ? [{ s, view, me }] : [];
  });
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="my-sessions" className="card">
      <h2 id="my-sessions">{t('tally.mySessions')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('sessions.case')}</th>
            <th scope="col">{t('sessions.label')}</th>
            <th scope="col">{t('sessions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {mine.map(({ s, view, me }) => {
            const touched = progress.get(s.id) ?? 0;
            const status =
              view.status !== 'coding'
                ? t(`sessions.status.${view.status}`)
                : me.submitted
                  ? t('sessions.submitted')
                  : touched === 0
                    ? t('tally.notStarted')
                    : t('tally.inProgress', { done: touched, total: s.intervals.length });
            return (
              <tr key={s.id}>
                <td>{s.caseNumber}</td>
                <td>{s.codebookVersionId ? <Link href={`${base}/sessions/${s.id}/tally`}>{s.label}</Link> : s.label}</td>
                <td>
                  {status}
                  {view.status !== 'coding' && (
                    <>
                      {' · '}
                      <Link href={`${base}/sessions/${s.id}/board`}>{t('board.open')}</Link>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
