import { z } from 'zod';
import { ValidationError } from '@/lib/errors/domain-error';
import { isMessageKey, type MessageKey } from '@/lib/i18n/messages';

/**
 * Parses form or API input with a zod schema whose error messages are message keys, and
 * throws one ValidationError naming every bad field at once.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, MessageKey> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    if (!fields[field]) fields[field] = isMessageKey(issue.message) ? issue.message : 'field.required';
  }
  throw new ValidationError(fields);
}

/** A trimmed text field: required unless `optional`, with a maximum length. */
export function text(max: number, optional = false) {
  const base = z.string({ error: 'field.required' }).trim().max(max, { error: 'field.tooLong' });
  return optional ? base.default('') : base.min(1, { error: 'field.required' });
}

export const email = () => z.string({ error: 'field.required' }).trim().toLowerCase().pipe(z.email({ error: 'field.email' }));
export const password = () => z.string({ error: 'field.required' }).min(10, { error: 'field.passwordShort' }).max(200, { error: 'field.tooLong' });
