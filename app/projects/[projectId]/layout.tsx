import type { ReactNode } from 'react';
import { can, type ProjectAction } from '@/lib/policy/policy';
import { getT, requireProject } from '@/app/_server/context';
import { ProjectTabs } from './ProjectTabs';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, actor } = await requireProject(projectId);
  const t = await getT();
  const base = `/projects/${project.id}`;
  // Each tab only for members who may use it: a trainee sees the codebook and the calibration page.
  const tabs = (
    [
      { href: base, label: t('project.overview'), action: 'sessions.view' },
      { href: `${base}/cases`, label: t('project.cases'), action: 'cases.view' },
      { href: `${base}/sessions`, label: t('project.sessions'), action: 'sessions.view' },
      { href: `${base}/codebook`, label: t('project.codebook'), action: 'codebook.view' },
      { href: `${base}/statistics`, label: t('project.statistics'), action: 'statistics.view' },
      { href: `${base}/results`, label: t('project.results'), action: 'results.view' },
      { href: `${base}/calibration`, label: t('project.calibration'), action: 'calibration.view' },
      { href: `${base}/members`, label: t('project.members'), action: 'members.view' },
      { href: `${base}/review`, label: t('project.review'), action: 'review.view' },
      { href: `${base}/audit`, label: t('project.audit'), action: 'audit.view' },
      { href: `${base}/settings`, label: t('project.settings'), action: 'project.edit' },
    ] satisfies { href: string; label: string; action: ProjectAction }[]
  )
    .filter((tab) => can(actor, tab.action))
    .map(({ href, label }) => ({ href, label }));
  return (
    <div className="page">
      <p className="eyebrow">{actor.roles.map((r) => t(`role.${r}`)).join(' · ')}</p>
      <h1>{project.name}</h1>
      <ProjectTabs tabs={tabs} label={project.name} />
      {children}
    </div>
  );
}
