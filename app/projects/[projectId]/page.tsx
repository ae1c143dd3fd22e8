import { listAssignments, listSessions } from '@/lib/sessions/sessions';
import { ownProgress } from '@/lib/tally/progress';
import { getT, requireProject } from '@/app/_server/context';
import { MySessions } from './MySessions';
import { SessionTable } from './SessionTable';

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project, user } = await requireProject(projectId, 'sessions.view');
  const t = await getT();
  const sessions = await listSessions(d, project.id);
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  const progress = await ownProgress(d, user.id, sessions.map((s) => s.id));
  const base = `/projects/${project.id}`;
  return (
    <section aria-labelledby="overview">
      {project.description && <p className="lead">{project.description}</p>}
      <MySessions t={t} sessions={sessions} assignments={assignments} progress={progress} userId={user.id} base={base} />
      <h2 id="overview">{t('sessions.title')}</h2>
      <SessionTable t={t} sessions={sessions} assignments={assignments} base={base} />
    </section>
  );
}
