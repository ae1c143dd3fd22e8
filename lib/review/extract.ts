/*
 * One session's disagreement cells, from its coders' independent marks and what its board
 * left (lib/review/record.ts). Pure: the caller has read the marks through the tally policy.
 */
import { intervalHeading, type Interval } from '@/lib/sessions/intervals';
import { cellKey, type Mark } from '@/lib/tally/model';
import { disagreementId, type Disagreement, type ReopenRequest, type ReviewBehaviour, type ReviewCoder, type ReviewComment } from './model';
import { settleTiming, type BoardRecord } from './record';

export interface SessionInput {
  session: {
    id: string;
    label: string;
    caseId: string;
    caseNumber: string;
    status: 'revealed' | 'finalized';
    intervals: readonly Interval[];
    revealedAt: Date | null;
    finalizedAt: Date | null;
  };
  /** The session's codebook behaviours, in display order. */
  behaviours: readonly ReviewBehaviour[];
  coders: readonly ReviewCoder[];
  /** Per coder (same order): the cells marked 1 ("<behaviour>@<interval>"). */
  marked: readonly ReadonlySet<string>[];
  record: BoardRecord;
  reviewComments?: readonly ReviewComment[];
  reopenRequests?: readonly ReopenRequest[];
}

export function sessionDisagreements(input: SessionInput): Disagreement[] {
  const { session, coders, marked, record } = input;
  const coderIds = coders.map((c) => c.id);
  const byId = new Map(coders.map((c) => [c.id, c]));
  const fallbackDate = (session.finalizedAt ?? session.revealedAt)?.getTime() ?? null;
  const out: Disagreement[] = [];
  for (const behaviour of input.behaviours) {
    for (const interval of session.intervals) {
      const cell = cellKey(behaviour.key, interval.index);
      const marks = marked.map((m): Mark => (m.has(cell) ? 1 : 0));
      if (marks.every((m) => m === marks[0])) continue;
      const { status, value } = record.state(cell, marks);
      const { startedAt, settledAt } = settleTiming(record.history, cell, coderIds, status === 'settled' ? value : null);
      out.push({
        id: disagreementId(session.id, cell),
        sessionId: session.id,
        sessionLabel: session.label,
        sessionStatus: session.status,
        caseId: session.caseId,
        caseNumber: session.caseNumber,
        cell,
        interval: interval.index,
        intervalHeading: intervalHeading(interval),
        behaviour,
        coders: [...coders],
        marks,
        status,
        value,
        rationale: record.rationale(cell),
        comments: record.comments(cell),
        unclear: record.unclearBy(cell).map((id) => byId.get(id) ?? { id, name: id }),
        moved: value === null ? [] : coders.filter((_, i) => marks[i] !== value),
        startedAt,
        settledAt,
        settleMs: startedAt !== null && settledAt !== null ? Math.max(0, settledAt - startedAt) : null,
        date: settledAt ?? fallbackDate,
        reviewComments: (input.reviewComments ?? []).filter((c) => c.cell === cell),
        reopenRequests: (input.reopenRequests ?? []).filter((r) => r.cell === cell),
      });
    }
  }
  return out;
}
