/*
 * Proposals to change a behaviour's definition, made from the rationales of its
 * disagreements and linked back to the cells that motivated them. Applying one puts the
 * change into the codebook's next version draft (definition-change.ts) and is audited.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { findBehaviour } from '@/lib/codebook/model';
import { latestCodebookVersion } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';
import type { Actor } from '@/lib/policy/policy';
import { parseInput, text } from '@/lib/validation/parse';
import { enforceReview } from './access';
import { draftDefinitionChange, type DefinitionChange } from './definition-change';
import { parseDisagreementId } from './model';

export const PROPOSAL_STATUSES = ['open', 'applied', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface DefinitionProposal {
  id: string;
  behaviourKey: string;
  change: DefinitionChange;
  motivation: string;
  /** The disagreements it refers to. */
  cells: { sessionId: string; cell: string }[];
  proposedBy: string;
  proposerName: string;
  status: ProposalStatus;
  appliedVersionId: string | null;
  appliedVersionNumber: number | null;
  at: Date;
}

const MAX_TEXT = 4000;
const MAX_CITED = 500;

const proposalInput = z.object({
  behaviourKey: z.string({ error: 'field.required' }).min(1, { error: 'field.required' }).max(64),
  definitionEn: text(MAX_TEXT),
  definitionNl: text(MAX_TEXT, true),
  includeEn: text(MAX_TEXT, true),
  includeNl: text(MAX_TEXT, true),
  excludeEn: text(MAX_TEXT, true),
  excludeNl: text(MAX_TEXT, true),
  motivation: text(MAX_TEXT),
  /** "<sessionId>/<cell>" of the cited disagreements. */
  cells: z.array(z.string().max(200)).max(MAX_CITED).default([]),
});

/** Stores a proposal (status open). Cited cells must be cells of the project's sessions. */
export async function proposeDefinitionChange(d: Database, actor: Actor, projectId: string, input: unknown): Promise<string> {
  enforceReview(actor, 'comment');
  const data = parseInput(proposalInput, input);
  const latest = await latestCodebookVersion(d, projectId);
  if (!latest || !findBehaviour(latest.codebook, data.behaviourKey)) throw new DomainError('not-found', 'error.notFound');
  const cited = data.cells.map(parseDisagreementId);
  if (cited.some((c) => c === null)) throw new DomainError('invalid', 'review.badCitation');
  const cells = [...new Map(cited.map((c) => [`${c!.sessionId}/${c!.cell}`, c!])).values()];
  const sessionIds = [...new Set(cells.map((c) => c.sessionId))];
  const { t } = d;
  if (sessionIds.length) {
    const known = await d.db.select({ id: t.sessions.id }).from(t.sessions).where(and(eq(t.sessions.projectId, projectId), inArray(t.sessions.id, sessionIds)));
    if (known.length !== sessionIds.length) throw new DomainError('invalid', 'review.badCitation');
  }
  const change: DefinitionChange = {
    definition: { en: data.definitionEn, nl: data.definitionNl },
    include: { en: data.includeEn, nl: data.includeNl },
    exclude: { en: data.excludeEn, nl: data.excludeNl },
  };
  const id = randomUUID();
  await d.transaction((tx) =>
    tx.insert(t.definitionProposals).values({
      id,
      projectId,
      behaviourKey: data.behaviourKey,
      proposal: JSON.stringify(change),
      motivation: data.motivation,
      cells: JSON.stringify(cells),
      proposedBy: actor.userId,
      status: 'open',
      at: new Date(),
    }),
  );
  return id;
}

const localizedOf = (v: unknown) => {
  const o = (v ?? {}) as { en?: unknown; nl?: unknown };
  return { en: typeof o.en === 'string' ? o.en : '', nl: typeof o.nl === 'string' ? o.nl : '' };
};

/** The project's proposals (for one behaviour, if given), newest first. */
export async function listProposals(d: Database, projectId: string, behaviourKey?: string): Promise<DefinitionProposal[]> {
  const { t } = d;
  const p = t.definitionProposals;
  const rows = await d.db
    .select({ p, name: t.users.name, number: t.codebookVersions.number })
    .from(p)
    .innerJoin(t.users, eq(t.users.id, p.proposedBy))
    .leftJoin(t.codebookVersions, eq(t.codebookVersions.id, p.appliedVersionId))
    .where(behaviourKey ? and(eq(p.projectId, projectId), eq(p.behaviourKey, behaviourKey)) : eq(p.projectId, projectId))
    .orderBy(desc(p.at));
  return rows.map(({ p: r, name, number }) => {
    const change = JSON.parse(r.proposal) as Record<string, unknown>;
    const cells = JSON.parse(r.cells) as unknown;
    return {
      id: r.id,
      behaviourKey: r.behaviourKey,
      change: { definition: localizedOf(change.definition), include: localizedOf(change.include), exclude: localizedOf(change.exclude) },
      motivation: r.motivation,
      cells: Array.isArray(cells) ? (cells as { sessionId: string; cell: string }[]) : [],
      proposedBy: r.proposedBy,
      proposerName: name,
      status: r.status as ProposalStatus,
      appliedVersionId: r.appliedVersionId,
      appliedVersionNumber: number ?? null,
      at: r.at,
    };
  });
}

/**
 * Applies an open proposal: the codebook's next version draft gets the new texts, the
 * proposal becomes `applied` with that version, and the audit log records it.
 */
export async function applyProposal(d: Database, actor: Actor, projectId: string, proposalId: string): Promise<{ versionId: string; number: number }> {
  enforceReview(actor, 'apply');
  const proposal = (await listProposals(d, projectId)).find((p) => p.id === proposalId);
  if (!proposal) throw new DomainError('not-found', 'error.notFound');
  if (proposal.status !== 'open') throw new DomainError('conflict', 'review.alreadyApplied');
  const version = await draftDefinitionChange(d, projectId, actor.userId, proposal.behaviourKey, proposal.change);
  const { t } = d;
  await d.transaction(async (tx) => {
    const applied = await tx
      .update(t.definitionProposals)
      .set({ status: 'applied', appliedVersionId: version.versionId })
      .where(and(eq(t.definitionProposals.id, proposalId), eq(t.definitionProposals.status, 'open')))
      .returning({ id: t.definitionProposals.id });
    if (applied.length === 0) throw new DomainError('conflict', 'review.alreadyApplied');
    await recordAudit(tx, t, {
      projectId,
      actorId: actor.userId,
      kind: 'definition.applied',
      subject: proposal.behaviourKey,
      detail: { proposal: proposalId, version: version.number, cited: proposal.cells.length },
    });
  });
  return version;
}
