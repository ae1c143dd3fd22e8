/*
 * GET ?format=csv|xlsx|json|qdc[&version=n]: the project's codebook (latest version, or
 * version n) as a download. Every member may export what they may read; every export is audited.
 */
import { CODEBOOK_FORMATS, exportCodebook, type CodebookFormat } from '@/lib/codebook/formats';
import { listCodebookVersions, recordCodebookExport } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';
import { api, HttpError } from '@/app/_server/api';
import { codebookAccess } from '../access';

const isFormat = (v: string | null): v is CodebookFormat => (CODEBOOK_FORMATS as readonly (string | null)[]).includes(v);

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const GET = api<{ projectId: string }>(async (req, base, { projectId }) => {
  const ctx = await codebookAccess(base, projectId, 'codebook.view');
  const query = new URL(req.url).searchParams;
  const format = query.get('format');
  if (!isFormat(format)) throw new HttpError(400, ctx.t('codebook.badFormat'));
  const wanted = query.get('version');
  const versions = await listCodebookVersions(ctx.d, projectId);
  const version = wanted ? versions.find((v) => String(v.number) === wanted) : versions[0];
  if (!version) throw new DomainError('not-found', 'error.notFound');
  const file = await exportCodebook(version.codebook, format);
  await recordCodebookExport(ctx.d, projectId, ctx.user.id, version, { fileName: file.fileName, format });
  return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': file.mime,
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
