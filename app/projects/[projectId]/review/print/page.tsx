import Link from 'next/link';
import { localized } from '@/lib/codebook/model';
import { filterQuery } from '@/lib/review/filters';
import { behaviourText, formatDay, formatDuration, marksText, settledText } from '@/lib/review/format';
import { PrintButton } from '@/app/_components/PrintButton';
import { CellNotes } from '../DisagreementParts';
import { loadDesk, type SearchParams } from '../load';

/** The disagreement notes as a printable document (print stylesheet in globals.css). */
export default async function ReviewPrintPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const { t, locale, project, filters, shown, base } = await loadDesk(projectId, await searchParams);
  const query = filterQuery(filters).toString();
  return (
    <article className="review-print" aria-labelledby="print-title">
      <p className="no-print">
        <Link href={`${base}/review${query ? `?${query}` : ''}`}>{t('review.backToDesk')}</Link> <PrintButton label={t('review.print')} />
      </p>
      <h2 id="print-title">{t('review.printTitle', { project: project.name })}</h2>
      <p className="lead">
        {t('review.shown', { count: shown.length })} · {formatDay(Date.now())}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{t('review.noMatch')}</p>
      ) : (
        shown.map((d) => (
          <section key={d.id} className="print-item" aria-label={`${d.behaviour.code} ${d.intervalHeading} ${d.sessionLabel}`}>
            <h3>
              {behaviourText(d, locale)} · {d.intervalHeading}
            </h3>
            <p className="muted">
              {d.caseNumber} · {d.sessionLabel} · {localized(d.behaviour.aspect, locale)} · {formatDay(d.date)}
            </p>
            <p>
              {marksText(d)} → <strong>{settledText(d, t)}</strong> · {t('review.col.time')}: {formatDuration(d.settleMs, t)}
            </p>
            <CellNotes d={d} t={t} open />
          </section>
        ))
      )}
    </article>
  );
}
