/*
 * GET ?format=csv|xlsx[&filters of the desk]: the disagreement notes as a download, for the
 * project's reviewers (the desk's policy, marks read through the tally policy). Audited.
 * Only GET exists: every other method is answered 405 by the framework.
 */
import { collectDisagreements } from '@/lib/review/collect';
import { REVIEW_EXPORT_FORMATS, exportDisagreements, recordNotesExport, type ReviewExportFormat } from '@/lib/review/export';
import { applyFilters, filterQuery, parseFilters, sortDisagreements } from '@/lib/review/filters';
import { api, HttpError, projectActor } from '@/app/_server/api';

const isFormat = (v: string | null): v is ReviewExportFormat => (REVIEW_EXPORT_FORMATS as readonly (string | null)[]).includes(v);

export const GET = api<{ projectId: string }>(async (req, base, { projectId }) => {
  const ctx = await projectActor(base, projectId);
  const query = new URL(req.url).searchParams;
  const format = query.get('format');
  const data = await collectDisagreements(ctx.d, ctx.actor, projectId);
  if (!isFormat(format)) throw new HttpError(400, ctx.t('review.badFormat'));
  const filters = parseFilters(query);
  const rows = sortDisagreements(applyFilters(data.items, filters), filters.sort);
  const file = await exportDisagreements(rows, format, ctx.t, ctx.user.locale, new Date().toISOString().slice(0, 10));
  await recordNotesExport(ctx.d, projectId, ctx.user.id, file, { format, rows: rows.length, filters: filterQuery(filters).toString() });
  return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': file.mime,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
