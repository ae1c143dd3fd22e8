/*
 * Puts a behaviour's new definition (with its inclusion and exclusion notes) into the
 * codebook's next version draft, through the codebook repository: when the newest version
 * is unused it is edited in place, otherwise version n+1 is created as an editable draft
 * (lib/codebook/repository saveCodebook decides). A save that raced with another editor's
 * is retried on the new latest version.
 */
import type { Database } from '@/lib/db';
import { cloneCodebook, findBehaviour, type Localized } from '@/lib/codebook/model';
import { latestCodebookVersion, saveCodebook } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';

export interface DefinitionChange {
  definition: Localized;
  include: Localized;
  exclude: Localized;
}

const MAX_ATTEMPTS = 3;

/** Returns the draft version that now carries the change. */
export async function draftDefinitionChange(d: Database, projectId: string, actorId: string, behaviourKey: string, change: DefinitionChange): Promise<{ versionId: string; number: number }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const latest = await latestCodebookVersion(d, projectId);
    if (!latest) throw new DomainError('not-found', 'error.notFound');
    const codebook = cloneCodebook(latest.codebook);
    const placed = findBehaviour(codebook, behaviourKey);
    if (!placed) throw new DomainError('conflict', 'review.behaviourGone');
    placed.behaviour.definition = { ...change.definition };
    placed.behaviour.include = { ...change.include };
    placed.behaviour.exclude = { ...change.exclude };
    const saved = await saveCodebook(d, projectId, actorId, codebook, { baseRevision: latest.revision });
    if (saved.ok) return { versionId: saved.version.id, number: saved.version.number };
    if (saved.reason !== 'stale') throw new DomainError('invalid', 'review.applyRefused');
  }
  throw new DomainError('conflict', 'review.applyStale');
}
