import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findBehaviour, localized } from '@/lib/codebook/model';
import { latestCodebookVersion } from '@/lib/codebook/repository';
import { can } from '@/lib/policy/policy';
import { REVIEW_ACTIONS } from '@/lib/review/access';
import { collectDisagreements } from '@/lib/review/collect';
import { sortDisagreements } from '@/lib/review/filters';
import { listProposals } from '@/lib/review/proposals';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { CellNotes, Marks, Settled, SettleTime, anchorOf, cellHref } from '../../DisagreementParts';
import { ProposalForm } from '../../NoteForms';
import { routeParam } from '../../load';
import { ProposalList } from './ProposalList';

export default async function BehaviourReviewPage({ params }: { params: Promise<{ projectId: string; behaviourKey: string }> }) {
  const { projectId, behaviourKey } = await params;
  const { d, project, actor } = await requireProject(projectId, REVIEW_ACTIONS.view);
  const [t, locale] = [await getT(), await currentLocale()];
  const key = routeParam(behaviourKey);
  const [data, latest, proposals] = await Promise.all([collectDisagreements(d, actor, project.id), latestCodebookVersion(d, project.id), listProposals(d, project.id, key)]);
  const items = sortDisagreements(
    data.items.filter((x) => x.behaviour.key === key),
    'session',
  );
  const current = latest ? findBehaviour(latest.codebook, key) : undefined;
  const shown = current?.behaviour ?? items[0]?.behaviour;
  if (!shown) notFound();
  const base = `/projects/${project.id}`;
  const label = `${shown.code} ${localized(shown.label, locale)}`;
  const sessions = new Set(items.map((x) => x.sessionId)).size;
  return (
    <div className="review-behaviour">
      <p>
        <Link href={`${base}/review?behaviour=${encodeURIComponent(key)}`}>{t('review.backToDesk')}</Link>
      </p>
      <h2 id="behaviour-title">{label}</h2>
      {current ? (
        <dl className="facts card">
          <dt>{t('review.aspect')}</dt>
          <dd>{localized(current.aspect.label, locale)}</dd>
          <dt>{t('codebook.definition')}</dt>
          <dd>{localized(current.behaviour.definition, locale) || '—'}</dd>
          <dt>{t('review.include')}</dt>
          <dd>{localized(current.behaviour.include, locale) || '—'}</dd>
          <dt>{t('review.exclude')}</dt>
          <dd>{localized(current.behaviour.exclude, locale) || '—'}</dd>
          <dt>{t('review.inVersion')}</dt>
          <dd>{latest!.number}</dd>
        </dl>
      ) : (
        <p className="notice">{t('review.behaviourGone')}</p>
      )}
      <section aria-labelledby="rationales-title">
        <h3 id="rationales-title">{t('review.rationalesTitle')}</h3>
        <p className="lead">{t('review.rationalesLead', { count: items.length, sessions })}</p>
        {items.length === 0 ? (
          <p className="empty">{t('review.noDisagreementsForBehaviour')}</p>
        ) : (
          <ul className="rationale-grid">
            {items.map((x) => (
              <li key={x.id} id={anchorOf(x)} className="card rationale-card" aria-labelledby={`${anchorOf(x)}-h`}>
                <h4 id={`${anchorOf(x)}-h`}>
                  <Link href={cellHref(base, x)}>
                    {x.caseNumber} · {x.sessionLabel} · {x.intervalHeading}
                  </Link>
                </h4>
                <p className="review-line">
                  <Marks d={x} /> → <Settled d={x} t={t} /> · <SettleTime d={x} t={t} />
                </p>
                <CellNotes d={x} t={t} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProposalList t={t} base={base} proposals={proposals} items={items} canApply={can(actor, REVIEW_ACTIONS.apply)} projectId={project.id} />
      {current && can(actor, REVIEW_ACTIONS.comment) && (
        <section aria-labelledby="propose-title" className="card review-propose">
          <h3 id="propose-title">{t('review.proposeTitle')}</h3>
          <p className="hint">{t('review.proposeHelp')}</p>
          <ProposalForm
            projectId={project.id}
            behaviourKey={key}
            current={{ definition: current.behaviour.definition, include: current.behaviour.include, exclude: current.behaviour.exclude }}
            cited={items.map((x) => ({ value: x.id, label: `${x.caseNumber} · ${x.sessionLabel} · ${x.intervalHeading}` }))}
            t={t}
          />
        </section>
      )}
    </div>
  );
}
