/*
 * The calibration page. What each member sees depends on the policy:
 * - trainees (and coders in a round): their rounds and their own progress;
 * - trainers and owners (calibration.manage): the criteria, calibration recordings, rounds
 *   with the forms to create them, who is calibrated, and drift;
 * - supervisors (drift.view): rounds, who is calibrated, drift;
 * - a research coder: their own drift.
 */
import { TALLYING_ROLES, can } from '@/lib/policy/policy';
import { calibrationSource, calibrationStatuses, calibrationTrends, criteriaOf, projectDrift, type CalibrationStatus, type TrendPoint } from '@/lib/calibration/report';
import { listGoldRecordings, listRounds, roundCandidates } from '@/lib/calibration/rounds';
import { listCodebookVersions } from '@/lib/codebook/repository';
import { listMembers } from '@/lib/projects/members';
import { getProjectSettings } from '@/lib/projects/settings';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { CriteriaSection } from './CriteriaSection';
import { DriftSection } from './DriftSection';
import { criteriaSentence } from './format';
import { MyProgress, MyRounds } from './MySection';
import { RecordingsSection } from './RecordingsSection';
import { RoundsSection } from './RoundsSection';
import { StatusSection } from './StatusSection';
import styles from './calibration.module.css';
import { AutoRefresh } from '@/app/_components/AutoRefresh';

export default async function CalibrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, actor, user } = await requireProject(projectId, 'calibration.view');
  const [t, locale] = [await getT(), await currentLocale()];
  const manage = can(actor, 'calibration.manage');
  const oversee = manage || can(actor, 'drift.view');
  const criteria = criteriaOf(await getProjectSettings(d, project.id));
  const rounds = await listRounds(d, project.id);
  const myRounds = rounds.filter((r) => r.trainees.some((a) => a.coderId === user.id));
  const takesRounds = actor.roles.includes('trainee') || myRounds.length > 0;
  const source = calibrationSource(d, project.id);
  const trends: Map<string, TrendPoint[]> = takesRounds || oversee ? await calibrationTrends(d, actor, project.id, source) : new Map();
  const statuses: Map<string, CalibrationStatus> = oversee ? await calibrationStatuses(d, project.id, source) : new Map();
  const members = oversee ? await listMembers(d, project.id) : [];
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const recordings = manage ? await listGoldRecordings(d, project.id) : [];
  const versions = manage ? (await listCodebookVersions(d, project.id)).map((v) => ({ id: v.id, number: v.number })) : [];
  // Drift: everyone's for who may view it, a research coder's own otherwise.
  const ownDrift = !can(actor, 'drift.view') && actor.roles.includes('coder');
  const drift = can(actor, 'drift.view') || ownDrift ? await projectDrift(d, actor, project.id, { source }) : null;

  return (
    <div className={styles.page}>
      <div>
        <h2>{t('calibration.title')}</h2>
        <p className="lead">{t('calibration.lead')}</p>
        {!oversee && !takesRounds && <p>{criteriaSentence(t, criteria, locale)}</p>}
      </div>
      {takesRounds && (
        <>
          {myRounds.some((r) => !r.revealed) && <AutoRefresh />}
          <MyRounds t={t} locale={locale} projectId={project.id} userId={user.id} rounds={myRounds} />
          <MyProgress t={t} locale={locale} projectId={project.id} criteria={criteria} points={trends.get(user.id) ?? []} />
        </>
      )}
      {oversee && (
        <RoundsSection
          t={t}
          locale={locale}
          projectId={project.id}
          rounds={rounds}
          manage={manage}
          recordings={recordings}
          candidates={manage ? roundCandidates(members) : []}
          statuses={statuses}
          criteria={criteria}
        />
      )}
      {oversee && <StatusSection t={t} locale={locale} criteria={criteria} statuses={statuses} trends={trends} names={names} />}
      {drift && <DriftSection t={t} locale={locale} drift={drift} own={ownDrift} />}
      {manage && (
        <RecordingsSection
          t={t}
          projectId={project.id}
          userId={user.id}
          recordings={recordings}
          coders={members.filter((m) => !m.removed && m.roles.some((r) => TALLYING_ROLES.gold.includes(r)))}
          versions={versions}
        />
      )}
      {manage && <CriteriaSection t={t} locale={locale} projectId={project.id} criteria={criteria} />}
    </div>
  );
}
