import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import type { AssignmentStatus, Session } from '@/lib/sessions/sessions';

/** A coder's assigned sessions with their own status: not started, in progress, submitted, revealed. */
export function MySessions({ t, sessions, assignments, progress, userId, base }: { t: Translate; sessions: Session[]; assignments: Map<string, AssignmentStatus[]>; progress: Map<string, number>; userId: string; base: string }) {
  const mine = sessions.filter((s) => (assignments.get(s.id) ?? []).some((a) => a.coderId === userId));
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
          {mine.map((s) => {
            const me = (assignments.get(s.id) ?? []).find((a) => a.coderId === userId)!;
            const touched = progress.get(s.id) ?? 0;
            const status =
              s.status !== 'coding'
                ? t(`sessions.status.${s.status}`)
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
                  {s.status !== 'coding' && (
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
