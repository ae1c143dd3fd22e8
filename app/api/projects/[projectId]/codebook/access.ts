/* The codebook routes' policy check: 404 for a non-member, 403 for a member without the right. */
import { DomainError } from '@/lib/errors/domain-error';
import { can, type ProjectAction } from '@/lib/policy/policy';
import { projectActor, type ApiContext, type ProjectApiContext } from '@/app/_server/api';

export async function codebookAccess(base: ApiContext, projectId: string, action: ProjectAction): Promise<ProjectApiContext> {
  const ctx = await projectActor(base, projectId);
  if (!can(ctx.actor, action)) throw new DomainError('forbidden', 'error.forbidden');
  return ctx;
}
