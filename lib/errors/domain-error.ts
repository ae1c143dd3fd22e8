import type { MessageKey } from '@/lib/i18n/messages';

/** How a domain error surfaces over HTTP. */
export type ErrorKind = 'invalid' | 'conflict' | 'forbidden' | 'not-found';

export const HTTP_STATUS: Record<ErrorKind, number> = { invalid: 422, conflict: 409, forbidden: 403, 'not-found': 404 };

/**
 * An expected failure the user can act on. It carries a message key (translated where it
 * is shown) and, for form input, the field it belongs to. Never carries internal detail.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'DomainError';
  }
}

/** All field problems of one form at once. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, MessageKey>) {
    super('validation failed');
    this.name = 'ValidationError';
  }
}
