/*
 * Route handler glue: JSON in and out, the signed-in user, the project actor, and one
 * mapping of failures to status codes with translated, detail-free messages.
 */
import { getServerSession } from 'next-auth';
import { database, type Database } from '@/lib/db';
import { getUser, type User } from '@/lib/accounts/users';
import { DomainError, HTTP_STATUS, ValidationError } from '@/lib/errors/domain-error';
import { translator, type Translate } from '@/lib/i18n/messages';
import { isMember, type Actor } from '@/lib/policy/policy';
import { actorIn } from '@/lib/projects/projects';
import { authOptions } from './auth';

export const MAX_JSON_BYTES = 2 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiContext {
  d: Database;
  user: User;
  t: Translate;
}

export interface ProjectApiContext extends ApiContext {
  actor: Actor;
}

/** Runs a handler for a signed-in user; 401 without a session. */
export function api<P>(fn: (req: Request, ctx: ApiContext, params: P) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    let t = translator('en');
    try {
      const session = (await getServerSession(authOptions())) as { uid?: string } | null;
      const d = await database();
      const user = session?.uid ? await getUser(d, session.uid) : null;
      if (!user) return json({ error: t('error.signInRequired') }, 401);
      t = translator(user.locale);
      return await fn(req, { d, user, t }, await route.params);
    } catch (e) {
      // A body refused half-way leaves the rest unread on the socket: do not reuse it.
      if (e instanceof HttpError) return json({ error: e.message }, e.status, e.status === 413 ? { connection: 'close' } : undefined);
      if (e instanceof DomainError) return json({ error: t(e.key, e.params), code: e.key }, HTTP_STATUS[e.kind]);
      if (e instanceof ValidationError) return json({ error: t('field.required'), fields: Object.fromEntries(Object.entries(e.fields).map(([f, k]) => [f, t(k)])) }, 422);
      // The client went away mid-request (a navigation, a closed tab): nobody to answer, nothing failed here.
      if (req.signal.aborted || (e as { code?: unknown })?.code === 'ECONNRESET') return new Response(null, { status: 499 });
      console.error('api request failed:', e);
      return json({ error: t('error.unexpected') }, 500);
    }
  };
}

/** The caller as a member of the project; non-members get 404 (the project's existence stays hidden). */
export async function projectActor(ctx: ApiContext, projectId: string): Promise<ProjectApiContext> {
  const actor = await actorIn(ctx.d, projectId, ctx.user.id);
  if (!isMember(actor)) throw new DomainError('not-found', 'error.notFound');
  return { ...ctx, actor };
}

/** Reads a JSON body, counting bytes as they arrive and refusing oversized or unreadable ones. */
export async function readJson(req: Request, t: Translate, limit = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > limit) throw new HttpError(413, t('error.tooLarge'));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      await reader!.cancel();
      throw new HttpError(413, t('error.tooLarge'));
    }
    chunks.push(next.value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, t('tally.malformed'));
  }
}

/** A multipart form, or null when the body turned out larger than `limit` bytes (counted while streaming). */
export async function readForm(req: Request, limit: number): Promise<FormData | null> {
  let seen = 0;
  const counted = req.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        seen += chunk.byteLength;
        if (seen > limit) out.error(new Error('body too large'));
        else out.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch (e) {
    if (seen > limit) return null;
    throw e;
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
