import { redirect } from 'next/navigation';
import { can } from '@/lib/policy/policy';
import { getProjectSettings } from '@/lib/projects/settings';
import { coderViews } from '@/lib/sessions/coder-view';
import { listAssignments, listSessions } from '@/lib/sessions/sessions';
import { ownProgress } from '@/lib/tally/progress';
import Link from 'next/link';
import { projectDrift } from '@/lib/calibration/report';
import { formatNumber } from '@/lib/statistics/format';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { MySessions } from './MySessions';
import { SessionTable } from './SessionTable';
import { statisticName } from './calibration/format';

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, user, actor } = await requireProject(projectId, 'project.view');
  // A trainee sees nothing of the research sessions: their project starts at the calibration page.
  if (!can(actor, 'sessions.view')) redirect(`/projects/${project.id}/calibration`);
  const t = await getT();
  // Research sessions and the calibration recordings (gold); trainees' rounds live on the calibration page.
  const sessions = await listSessions(d, project.id, ['research', 'gold']);
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  const { hideDoubleCoding } = await getProjectSettings(d, project.id);
  const views = coderViews(actor, hideDoubleCoding, sessions, assignments);
  const progress = await ownProgress(d, user.id, sessions.map((s) => s.id));
  const base = `/projects/${project.id}`;
  // A coder whose recent agreement fell below the project's threshold is told so here.
  const ownDrift = actor.roles.includes('coder') ? await projectDrift(d, actor, project.id, { only: { coderId: user.id } }) : null;
  const drift = ownDrift?.coders[0];
  const locale = await currentLocale();
  return (
    <section aria-labelledby="overview">
      {project.description && <p className="lead">{project.description}</p>}
      {drift?.below && drift.recent !== null && (
        <p className="notice paradox-note" role="note">
          {t('calibration.driftNotice', { statistic: statisticName(t, ownDrift!.criteria.statistic), value: formatNumber(drift.recent, locale), threshold: formatNumber(ownDrift!.criteria.threshold, locale) })}{' '}
          <Link href={`${base}/calibration`}>{t('calibration.driftNoticeLink')}</Link>
        </p>
      )}
      <MySessions t={t} sessions={sessions} views={views} progress={progress} userId={user.id} base={base} />
      <h2 id="overview">{t('sessions.title')}</h2>
      <SessionTable t={t} sessions={sessions} views={views} base={base} />
    </section>
  );
}
