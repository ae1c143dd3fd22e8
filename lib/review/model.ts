/*
 * The review desk's view of a project's reconciliations: every disagreement cell (a
 * behaviour × interval where a session's coders marked differently), with both marks, what
 * was settled, why, the discussion, and how long it took. Plain data, framework-free; the
 * same shape comes from a live board (revealed session) and from a finalized one.
 */
import type { Localized, Polarity } from '@/lib/codebook/model';
import type { CellStatus } from '@/lib/reconciliation/cells';
import type { Mark } from '@/lib/tally/model';

/** A disagreement is never "agreed": it is open, proposed, in conflict or settled. */
export type DisagreementStatus = Exclude<CellStatus, 'agreed'>;

export interface ReviewCoder {
  id: string;
  name: string;
}

export interface ReviewBehaviour {
  key: string;
  code: string;
  label: Localized;
  polarity: Polarity;
  aspectKey: string;
  aspect: Localized;
}

/** One comment of a board's thread on a cell. */
export interface ThreadEntry {
  id: string;
  userId: string;
  name: string;
  text: string;
  at: number;
}

/** A supervisor's comment on a settled cell (table review_comments). */
export interface ReviewComment {
  id: string;
  sessionId: string;
  cell: string;
  authorId: string;
  authorName: string;
  text: string;
  at: Date;
}

/**
 * pending → accepted | declined; accepted → proposed (a coder proposes a new mark; a later
 * proposal by either coder replaces it) → resettled (the other coder confirmed; with a single
 * coder the proposal settles at once).
 */
export const REOPEN_STATUSES = ['pending', 'accepted', 'declined', 'proposed', 'resettled'] as const;
export type ReopenStatus = (typeof REOPEN_STATUSES)[number];

/** A request to reopen a settled cell (table reopen_requests), with its re-settling. */
export interface ReopenRequest {
  id: string;
  sessionId: string;
  cell: string;
  requestedBy: string;
  requesterName: string;
  reason: string;
  status: ReopenStatus;
  decidedBy: string | null;
  deciderName: string | null;
  at: Date;
  decidedAt: Date | null;
  /** The proposed (once resettled: the settled) new mark, its rationale and who proposed it. */
  resettleValue: Mark | null;
  resettleRationale: string | null;
  resettleProposedBy: string | null;
  proposerName: string | null;
  /** The consensus mark the new one replaced, once resettled. */
  resettledFrom: Mark | null;
  resettledAt: Date | null;
}

export interface Disagreement {
  /** "<sessionId>/<cell>": unique across the project. */
  id: string;
  sessionId: string;
  sessionLabel: string;
  sessionStatus: 'revealed' | 'finalized';
  caseId: string;
  caseNumber: string;
  /** "<behaviourKey>@<interval>" (lib/tally/model cellKey). */
  cell: string;
  interval: number;
  /** "10–15" (minutes). */
  intervalHeading: string;
  behaviour: ReviewBehaviour;
  /** The session's coders, in the order of `marks`. */
  coders: ReviewCoder[];
  /** Each coder's independent mark. */
  marks: Mark[];
  status: DisagreementStatus;
  /** The settled consensus mark, or null while not settled. */
  value: Mark | null;
  rationale: string;
  comments: ThreadEntry[];
  /** Who flagged "definition unclear" on this cell. */
  unclear: ReviewCoder[];
  /** Coders whose independent mark the settled mark overrode (the consensus followed the others). */
  moved: ReviewCoder[];
  /** When the cell's first board activity happened (ms), if the board history has it. */
  startedAt: number | null;
  /** When the signatures that settled the cell were complete (ms), if known. */
  settledAt: number | null;
  /** settledAt − startedAt. */
  settleMs: number | null;
  /** The date the desk filters on: settled, else finalized, else revealed (ms). */
  date: number | null;
  reviewComments: ReviewComment[];
  reopenRequests: ReopenRequest[];
}

/** Key of a coder pair (or group): the sorted coder ids. */
export function pairKey(coders: readonly ReviewCoder[]): string {
  return coders
    .map((c) => c.id)
    .sort()
    .join('+');
}

export function pairLabel(coders: readonly ReviewCoder[]): string {
  return [...coders]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => c.name)
    .join(' & ');
}

/** "<sessionId>/<cell>" ↔ parts; null when malformed. */
export function disagreementId(sessionId: string, cell: string): string {
  return `${sessionId}/${cell}`;
}

export function parseDisagreementId(id: string): { sessionId: string; cell: string } | null {
  const m = /^([A-Za-z0-9_-]{1,64})\/([^/@\s]{1,64}@\d{1,4})$/.exec(id);
  return m ? { sessionId: m[1]!, cell: m[2]! } : null;
}

/** "<behaviourKey>@<interval>" → parts; null when malformed. */
export function parseCell(cell: string): { behaviourKey: string; interval: number } | null {
  const m = /^([^/@\s]{1,64})@(\d{1,4})$/.exec(cell);
  return m ? { behaviourKey: m[1]!, interval: Number(m[2]) } : null;
}
