import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import type { CoderView } from '@/lib/sessions/coder-view';
import type { Session } from '@/lib/sessions/sessions';
import { partialNote } from './session-format';

/** The project's sessions; `views` (lib/sessions/coder-view) says which coders and status each member sees. */
export function SessionTable({ t, sessions, views, base }: { t: Translate; sessions: Session[]; views: Map<string, CoderView>; base: string }) {
  if (sessions.length === 0) return <p className="empty">{t('sessions.empty')}</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('sessions.case')}</th>
          <th scope="col">{t('sessions.label')}</th>
          <th scope="col">{t('sessions.intervals')}</th>
          <th scope="col">{t('sessions.coders')}</th>
          <th scope="col">{t('sessions.status')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => {
          const view = views.get(s.id);
          const shown = view?.assignments ?? [];
          return (
            <tr key={s.id}>
              <td>{s.caseNumber}</td>
              <td>
                <Link href={`${base}/sessions/${s.id}`}>{s.label}</Link>
                {s.purpose === 'gold' && (
                  <>
                    {' '}
                    <span className="chip">{t('sessions.goldTag')}</span>
                  </>
                )}
              </td>
              <td>
                {s.intervals.length}
                {partialNote(t, s) && <small className="muted"> ({partialNote(t, s)})</small>}
              </td>
              <td>
                {shown.map((a) => (
                  <span key={a.coderId} className="chip">
                    {a.name}: {a.submitted ? t('sessions.submitted') : t('sessions.notSubmitted')}
                  </span>
                ))}
                {view && !view.coderList && shown.length === 0 && <span className="muted">—</span>}
              </td>
              <td>{t(`sessions.status.${view?.status ?? s.status}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
