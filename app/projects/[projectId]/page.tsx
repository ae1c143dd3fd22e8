import { listAssignments, listSessions } from '@/lib/sessions/sessions';
import { getT, requireProject } from '@/app/_server/context';
import { SessionTable } from './SessionTable';

export default async function ProjectOverview({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { d, project } = await requireProject(projectId, 'sessions.view');
  const t = await getT();
  const sessions = await listSessions(d, project.id);
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  return (
    <section aria-labelledby="overview">
      {project.description && <p className="lead">{project.description}</p>}
      <h2 id="overview">{t('sessions.title')}</h2>
      <SessionTable t={t} sessions={sessions} assignments={assignments} base={`/projects/${project.id}`} />
    </section>
  );
}
