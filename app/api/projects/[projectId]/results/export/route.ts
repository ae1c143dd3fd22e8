/*
 * GET ?format=csv|long|xlsx|json plus the results page's view options (version, by, cols,
 * sort): the results of one codebook version as a download, exactly as the page shows
 * them. PDF is the browser's print of the report page. Every export is audited.
 */
import { DomainError } from '@/lib/errors/domain-error';
import { can } from '@/lib/policy/policy';
import { getProject } from '@/lib/projects/projects';
import { exportResults, isResultsFormat, parseResultsQuery, pickVersion, tableOptions } from '@/lib/results';
import { loadResults, recordResultsExport } from '@/lib/results/load';
import { api, HttpError, projectActor } from '@/app/_server/api';
import { downloadResponse } from '@/app/_server/download';

export const GET = api<{ projectId: string }>(async (req, base, { projectId }) => {
  const ctx = await projectActor(base, projectId);
  // Consensus lists of finalized sessions only (never blind), as on the results page.
  if (!can(ctx.actor, 'results.view')) throw new DomainError('forbidden', 'error.forbidden');
  const params = new URL(req.url).searchParams;
  const format = params.get('format');
  if (!isResultsFormat(format)) throw new HttpError(400, ctx.t('results.badFormat'));
  const query = parseResultsQuery(params);
  const [results, project] = [await loadResults(ctx.d, projectId), await getProject(ctx.d, projectId)];
  const version = pickVersion(results, query.version);
  if (!version || !project) throw new HttpError(404, ctx.t('results.empty'));
  const file = await exportResults({ projectName: project.name, locale: ctx.user.locale, results, version, options: tableOptions(query) }, format);
  await recordResultsExport(ctx.d, projectId, ctx.user.id, { format, fileName: file.fileName, version: version.versionNumber, sessions: version.sessions.length, via: 'web' });
  return downloadResponse(file);
});
