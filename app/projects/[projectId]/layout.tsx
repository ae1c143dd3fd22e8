import type { ReactNode } from 'react';
import { can } from '@/lib/policy/policy';
import { getT, requireProject } from '@/app/_server/context';
import { ProjectTabs } from './ProjectTabs';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, actor } = await requireProject(projectId);
  const t = await getT();
  const base = `/projects/${project.id}`;
  const tabs = [
    { href: base, label: t('project.overview') },
    { href: `${base}/cases`, label: t('project.cases') },
    { href: `${base}/sessions`, label: t('project.sessions') },
    { href: `${base}/codebook`, label: t('project.codebook') },
    { href: `${base}/statistics`, label: t('project.statistics') },
    { href: `${base}/results`, label: t('project.results') },
    { href: `${base}/members`, label: t('project.members') },
    ...(can(actor, 'review.view') ? [{ href: `${base}/review`, label: t('project.review') }] : []),
    ...(can(actor, 'audit.view') ? [{ href: `${base}/audit`, label: t('project.audit') }] : []),
  ];
  return (
    <div className="page">
      <p className="eyebrow">{actor.roles.map((r) => t(`role.${r}`)).join(' · ')}</p>
      <h1>{project.name}</h1>
      <ProjectTabs tabs={tabs} label={project.name} />
      {children}
    </div>
  );
}
