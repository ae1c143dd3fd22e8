import Link from 'next/link';
import { notFound } from 'next/navigation';
import { methodsParagraph } from '@/lib/agreement';
import { can, decideTallyRead } from '@/lib/policy/policy';
import { formatNumber } from '@/lib/statistics/format';
import { projectStatistics, showsKappaParadox } from '@/lib/statistics/project-statistics';
import { loadTallyContext, tallySubject } from '@/lib/tally/access';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { CoefficientTable, type CoefficientRow } from './CoefficientTable';
import { Heatmap } from './Heatmap';
import { MethodsText } from './MethodsText';

export default async function StatisticsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ session?: string; version?: string }> }) {
  const { projectId } = await params;
  const { session: sessionId, version } = await searchParams;
  const { d, project, actor } = await requireProject(projectId, 'statistics.view');
  if (sessionId) {
    // A session's statistics show its cells: only for those who may read both tallies.
    const ctx = await loadTallyContext(d, project.id, sessionId);
    const coders = ctx?.assignments.map((a) => a.coderId) ?? [];
    if (!ctx || coders.length < 2 || !coders.every((c) => decideTallyRead(actor, tallySubject(ctx, c)).allowed)) notFound();
  }
  const [t, locale] = [await getT(), await currentLocale()];
  const stats = await projectStatistics(d, project.id, locale, { versionId: version, sessionId });
  const base = `/projects/${project.id}/statistics`;
  if (!stats) {
    return (
      <section aria-labelledby="stats">
        <h2 id="stats">{t('stats.title')}</h2>
        <p className="empty">{t('stats.empty')}</p>
      </section>
    );
  }
  const { report } = stats;
  const rationales = can(actor, 'review.view');
  const behaviourRows: CoefficientRow[] = stats.behaviours.map((b, i) => ({
    key: b.key,
    label: `${b.code} ${b.label}`,
    negative: b.negative,
    level: report.byBehaviour[i]!,
    href: rationales ? `/projects/${project.id}/review/behaviours/${b.key}` : undefined,
  }));
  const ranking = [...behaviourRows].sort((a, b) => (a.level.independent.cohenKappa.estimate ?? 2) - (b.level.independent.cohenKappa.estimate ?? 2));
  const aspectRows: CoefficientRow[] = [{ key: 'overall', label: t('stats.overall'), level: report.overall }, ...stats.aspects.map((a, i) => ({ key: `a${i}`, label: a, level: report.byAspect[i]! }))];
  const paradox = [report.overall, ...report.byAspect, ...report.byBehaviour].some((l) => showsKappaParadox(l.independent));
  const consensus = report.overall.consensus;
  return (
    <div className="stats-page">
      <h2>{sessionId ? t('stats.sessionTitle', { session: `${stats.sessions[0]?.caseNumber} · ${stats.sessions[0]?.label}` }) : t('stats.title')}</h2>
      <p className="lead">
        {t('stats.design', { sessions: report.design.sessions, intervals: report.design.intervals, cells: formatNumber(report.design.cells, locale, 0), version: stats.versionNumber })}
        {!sessionId && stats.blindSessions > 0 && <> {t('stats.blindExcluded', { count: stats.blindSessions })}</>}
      </p>
      {stats.otherVersions.length > 0 && (
        <p className="notice">
          {t('stats.otherVersions')}{' '}
          {stats.otherVersions.map((v) => (
            <Link key={v.id} href={`${base}?version=${v.id}`}>
              {t('codebook.version', { number: v.number })}
            </Link>
          ))}
        </p>
      )}
      {sessionId && <Link href={base}>{t('stats.backToProject')}</Link>}
      <CoefficientTable t={t} locale={locale} caption={t('stats.byAspect')} rows={aspectRows} />
      {paradox && (
        <p className="notice paradox-note" role="note">
          ⚑ {t('stats.paradox')}
        </p>
      )}
      {consensus && (
        <p>
          {t('stats.whoMoved', { disagreements: consensus.disagreements, followedA: consensus.followedA, followedB: consensus.followedB })}
        </p>
      )}
      <CoefficientTable t={t} locale={locale} caption={t('stats.ranking')} rows={ranking} />
      <Heatmap t={t} behaviours={stats.behaviours} heatmap={stats.heatmap} sessionsAtPosition={stats.sessionsAtPosition} intervalMinutes={stats.intervalMinutes} />
      {!sessionId && (
        <>
          <CoefficientTable
            t={t}
            locale={locale}
            caption={t('stats.bySession')}
            rows={stats.sessions.map((s, i) => ({ key: s.id, label: `${s.caseNumber} · ${s.label}`, level: report.bySession[i]! }))}
          />
          <ul className="plain session-links">
            {stats.sessions.map((s) => (
              <li key={s.id}>
                <Link href={`${base}?session=${s.id}`}>{t('stats.openSession', { session: `${s.caseNumber} · ${s.label}` })}</Link>
              </li>
            ))}
          </ul>
          <CoefficientTable t={t} locale={locale} caption={t('stats.byPair')} rows={report.byCoderPair.map((p) => ({ key: p.coders.join('|'), label: p.coders.join(' & '), level: p }))} />
        </>
      )}
      <CoefficientTable
        t={t}
        locale={locale}
        caption={t('stats.byPosition')}
        rows={report.byIntervalPosition.map((l, i) => ({ key: `p${i}`, label: `${i * stats.intervalMinutes}–${(i + 1) * stats.intervalMinutes}`, level: l }))}
      />
      <MethodsText
        title={t('stats.methods')}
        copyLabel={t('common.copy')}
        copiedLabel={t('common.copied')}
        texts={[
          { lang: 'en', label: 'English', text: methodsParagraph(report, { language: 'en', intervalMinutes: stats.intervalMinutes }) },
          { lang: 'nl', label: 'Nederlands', text: methodsParagraph(report, { language: 'nl', intervalMinutes: stats.intervalMinutes }) },
        ]}
      />
    </div>
  );
}
