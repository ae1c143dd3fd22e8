/*
 * Which policy actions the review desk asks for. Applying a definition change edits the
 * codebook: 'codebook.edit'. Reading a coder's marks always goes through decideTallyRead
 * (lib/tally/tallies readTally).
 */
import { enforce } from '@/lib/policy/enforce';
import { decide, type Actor, type ProjectAction } from '@/lib/policy/policy';

export const REVIEW_ACTIONS = {
  /** Reading the desk, rationales, notes, exports. */
  view: 'review.view',
  /** Commenting on a settled cell, requesting a reopening, proposing a definition change. */
  comment: 'review.comment',
  /** Applying a definition change to the codebook's next version draft. */
  apply: 'codebook.edit',
} as const satisfies Record<string, ProjectAction>;

export type ReviewAction = keyof typeof REVIEW_ACTIONS;

/** Throws the policy's refusal: 404 for a non-member, 403 for a member without the right. */
export function enforceReview(actor: Actor, action: ReviewAction): void {
  enforce(decide(actor, REVIEW_ACTIONS[action]));
}
