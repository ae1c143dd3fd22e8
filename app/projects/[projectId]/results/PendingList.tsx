import type { Translate } from '@/lib/i18n/messages';
import type { PendingSession } from '@/lib/results';

/** Sessions that are not (yet) counted, with why: never mixed into the tables. */
export function PendingList({ pending, t }: { pending: PendingSession[]; t: Translate }) {
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="results-pending" className="results-pending">
      <h3 id="results-pending">{t('results.pending')}</h3>
      <p className="hint">{t('results.pendingHint')}</p>
      <ul>
        {pending.map((p) => (
          <li key={p.id}>
            {p.caseNumber} · {p.label} <span className="muted">({t(`results.status.${p.reason}`)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
