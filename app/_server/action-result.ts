import { DomainError, ValidationError } from '@/lib/errors/domain-error';
import type { Translate } from '@/lib/i18n/messages';

/** What a form's server action returns to the form: translated, field by field. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
  /** Extra data for the form to show, e.g. a created invitation link. */
  data?: Record<string, string>;
  /** What the user typed, handed back on failure so the form keeps it (never passwords); lists newline-joined. */
  values?: Record<string, string>;
}

export const IDLE: ActionState = { ok: false };

/**
 * Runs a form action; expected failures become translated messages for the form, anything
 * else is logged and shown as a calm generic message (never a stack trace).
 */
export async function runAction(t: Translate, form: FormData | null, fn: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await fn()) ?? { ok: true, message: t('common.saved') };
  } catch (e) {
    const values = form ? echo(form) : undefined;
    if (e instanceof ValidationError) {
      return { ok: false, values, fields: Object.fromEntries(Object.entries(e.fields).map(([f, k]) => [f, t(k)])) };
    }
    if (e instanceof DomainError) {
      const message = t(e.key, e.params);
      return e.field ? { ok: false, values, fields: { [e.field]: message } } : { ok: false, values, message };
    }
    if (isNavigation(e)) throw e;
    console.error('action failed:', e);
    return { ok: false, message: t('error.unexpected') };
  }
}

/** Next.js signals redirect/notFound/forbidden by throwing; those must pass through. */
function isNavigation(e: unknown): boolean {
  const digest = (e as { digest?: unknown })?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}

/** A name given several times (ticked checkboxes) comes back newline-joined. */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !/password/i.test(k)) out[k] = k in out ? `${out[k]}\n${v}` : v;
  return out;
}

/** The string fields of a form as a plain object, for lib's input parsers. */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}
