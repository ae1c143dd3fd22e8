/* Pieces of a disagreement shown on the desk, the behaviour page, the cell page and the print page. */
import type { Translate } from '@/lib/i18n/messages';
import { formatDuration, movedText, reopenStatusText, reopenText, statusText } from '@/lib/review/format';
import type { Disagreement, ReopenRequest } from '@/lib/review/model';

/** Where a disagreement's card sits on its behaviour page (for citation links). */
export function anchorOf(d: { sessionId: string; cell: string }): string {
  return `d-${d.sessionId}-${d.cell}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function cellHref(base: string, d: { sessionId: string; cell: string }): string {
  return `${base}/review/cells/${encodeURIComponent(d.sessionId)}/${encodeURIComponent(d.cell)}`;
}

/** The coders' marks as a small definition list. */
export function Marks({ d }: { d: Disagreement }) {
  return (
    <span className="review-marks">
      {d.coders.map((c, i) => (
        <span key={c.id} className={d.value !== null && d.marks[i] !== d.value ? 'moved' : undefined}>
          {c.name}: <strong>{d.marks[i]}</strong>
        </span>
      ))}
    </span>
  );
}

export function Settled({ d, t }: { d: Disagreement; t: Translate }) {
  if (d.value === null) return <span className={`review-status ${d.status}`}>{statusText(d.status, t)}</span>;
  return (
    <span>
      <strong>{d.value}</strong> <small className="muted">{movedText(d, t)}</small>
    </span>
  );
}

export function SettleTime({ d, t }: { d: Disagreement; t: Translate }) {
  return <>{formatDuration(d.settleMs, t)}</>;
}

/** Rationale, discussion, flags and supervisor notes of one cell. */
export function CellNotes({ d, t, open = false }: { d: Disagreement; t: Translate; open?: boolean }) {
  const reopen = reopenText(d, t);
  return (
    <div className="review-notes">
      {d.rationale ? <p className="rationale">{d.rationale}</p> : <p className="muted">{t('review.noRationale')}</p>}
      {d.unclear.length > 0 && <span className="chip unclear">{t('review.unclearBy', { names: d.unclear.map((c) => c.name).join(', ') })}</span>}
      {reopen && <span className="chip reopen">{reopen}</span>}
      {d.comments.length > 0 && (
        <details open={open}>
          <summary>{t('review.thread', { count: d.comments.length })}</summary>
          <ul className="plain thread">
            {d.comments.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong>: {c.text}
              </li>
            ))}
          </ul>
        </details>
      )}
      {d.reviewComments.length > 0 && (
        <ul className="plain review-comments" aria-label={t('review.supervisorComments')}>
          {d.reviewComments.map((c) => (
            <li key={c.id}>
              <strong>{c.authorName}</strong> ({t('review.supervisorNote')}): {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A reopen request as one line: its state, who asked and why, who decided, and the coders' proposed (or settled) new mark. */
export function ReopenRequestText({ r, t }: { r: ReopenRequest; t: Translate }) {
  return (
    <>
      <strong>{reopenStatusText(r, t)}</strong> · {r.requesterName}: {r.reason}
      {r.deciderName && <small className="muted"> ({t('review.decidedBy', { name: r.deciderName })})</small>}
      {r.resettleValue !== null && <span className="resettle-proposal"> · {t('review.proposalBy', { name: r.proposerName ?? '', value: r.resettleValue, rationale: r.resettleRationale ?? '' })}</span>}
    </>
  );
}
