import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import type { AssignmentStatus, Session } from '@/lib/sessions/sessions';
import { partialNote } from './session-format';

export function SessionTable({ t, sessions, assignments, base }: { t: Translate; sessions: Session[]; assignments: Map<string, AssignmentStatus[]>; base: string }) {
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
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>{s.caseNumber}</td>
            <td>
              <Link href={`${base}/sessions/${s.id}`}>{s.label}</Link>
            </td>
            <td>
              {s.intervals.length}
              {partialNote(t, s) && <small className="muted"> ({partialNote(t, s)})</small>}
            </td>
            <td>
              {(assignments.get(s.id) ?? []).map((a) => (
                <span key={a.coderId} className="chip">
                  {a.name}: {a.submitted ? t('sessions.submitted') : t('sessions.notSubmitted')}
                </span>
              ))}
            </td>
            <td>{t(`sessions.status.${s.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
