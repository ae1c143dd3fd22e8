/* A behaviour's definition proposals, each linked back to the disagreements it cites. */
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/messages';
import { formatDay } from '@/lib/review/format';
import type { Disagreement } from '@/lib/review/model';
import type { DefinitionProposal } from '@/lib/review/proposals';
import { anchorOf } from '../../DisagreementParts';
import { ApplyForm } from '../../NoteForms';

function Texts({ label, value }: { label: string; value: { en: string; nl: string } }) {
  if (!value.en && !value.nl) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <span lang="en">{value.en}</span>
        {value.nl && (
          <>
            <br />
            <span lang="nl">{value.nl}</span>
          </>
        )}
      </dd>
    </>
  );
}

export function ProposalList({
  t,
  base,
  proposals,
  items,
  canApply,
  projectId,
}: {
  t: Translate;
  base: string;
  proposals: DefinitionProposal[];
  items: Disagreement[];
  canApply: boolean;
  projectId: string;
}) {
  if (proposals.length === 0) return null;
  const byId = new Map(items.map((x) => [x.id, x]));
  return (
    <section aria-labelledby="proposals-title" className="review-proposals">
      <h3 id="proposals-title">{t('review.proposalsTitle')}</h3>
      <ul className="plain">
        {proposals.map((p) => (
          <li key={p.id} className="card proposal">
            <p className="review-line">
              <strong>{t(`review.proposal.${p.status}`)}</strong> · {p.proposerName} ·{' '}
              <time dateTime={p.at.toISOString()}>{formatDay(p.at.getTime())}</time>
              {p.appliedVersionNumber !== null && (
                <>
                  {' · '}
                  <Link href={`${base}/codebook`}>{t('review.appliedIn', { number: p.appliedVersionNumber })}</Link>
                </>
              )}
            </p>
            <dl className="facts">
              <Texts label={t('codebook.definition')} value={p.change.definition} />
              <Texts label={t('review.include')} value={p.change.include} />
              <Texts label={t('review.exclude')} value={p.change.exclude} />
              <dt>{t('review.motivation')}</dt>
              <dd className="rationale">{p.motivation}</dd>
              {p.cells.length > 0 && (
                <>
                  <dt>{t('review.cited')}</dt>
                  <dd>
                    {p.cells.map((c) => {
                      const x = byId.get(`${c.sessionId}/${c.cell}`);
                      return (
                        <a key={`${c.sessionId}/${c.cell}`} className="chip" href={`#${anchorOf(c)}`}>
                          {x ? `${x.caseNumber} · ${x.sessionLabel} · ${x.intervalHeading}` : c.cell}
                        </a>
                      );
                    })}
                  </dd>
                </>
              )}
            </dl>
            {canApply && <ApplyForm projectId={projectId} proposalId={p.id} open={p.status === 'open'} t={t} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
