import { DomainError } from '@/lib/errors/domain-error';

/**
 * Turns a policy refusal into the DomainError every surface maps the same way: 404 for a
 * non-member (the project stays hidden), 403 for a member without the right.
 */
export function enforce(decision: { allowed: true } | { allowed: false; status: 403 | 404 }): void {
  if (decision.allowed) return;
  throw decision.status === 404 ? new DomainError('not-found', 'error.notFound') : new DomainError('forbidden', 'error.forbidden');
}
