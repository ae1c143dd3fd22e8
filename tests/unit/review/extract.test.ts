import { describe, expect, it } from 'vitest';
import { intervalsOf } from '@/lib/sessions/intervals';
import { sessionDisagreements, type SessionInput } from '@/lib/review/extract';
import { archivedRecord } from '@/lib/review/record';
import type { ReopenRequest, ReviewComment } from '@/lib/review/model';
import { anna, behaviour, bram, cees } from './fixtures';

const revealedAt = new Date('2024-05-01T09:00:00Z');
const finalizedAt = new Date('2024-05-02T09:00:00Z');

function input(over: Partial<SessionInput> = {}): SessionInput {
  return {
    session: { id: 's1', label: 'Intake', caseId: 'c1', caseNumber: 'K-01', status: 'finalized', intervals: intervalsOf(900, 300), revealedAt, finalizedAt },
    behaviours: [behaviour('x'), behaviour('y')],
    coders: [anna, bram],
    marked: [new Set(['x@0', 'x@1', 'y@2']), new Set(['x@0', 'y@1'])],
    record: archivedRecord(new Map(), null),
    ...over,
  };
}

describe("a session's disagreements", () => {
  it('lists only the cells where the coders marked differently, in display order', () => {
    const cells = sessionDisagreements(input()).map((d) => [d.cell, d.marks, d.intervalHeading]);
    expect(cells).toEqual([
      ['x@1', [1, 0], '5–10'],
      ['y@1', [0, 1], '5–10'],
      ['y@2', [1, 0], '10–15'],
    ]);
  });

  it('names who moved (the consensus followed the other coder), the flags, the time to settle and the date', () => {
    const history = JSON.stringify([
      { cell: 'x@1', userId: 'bram', name: 'Bram', action: 'comment', at: 1_000 },
      { cell: 'x@1', userId: 'anna', name: 'Anna', action: 'propose', value: 1, at: 61_000 },
      { cell: 'x@1', userId: 'bram', name: 'Bram', action: 'propose', value: 1, at: 181_000 },
    ]);
    const notes = JSON.stringify({ 'x@1': { unclear: ['bram', 'ghost'], comments: [] } });
    const cells = new Map([
      ['x@1', { value: 1, rationale: 'Seen at 7:10' }],
      ['y@1', { value: 0, rationale: '' }],
      ['y@2', { value: 1, rationale: '' }],
    ]);
    const [x, y1] = sessionDisagreements(input({ record: archivedRecord(cells, { history, notes }) }));
    expect(x!.value).toBe(1);
    expect(x!.moved).toEqual([bram]);
    expect(x!.unclear).toEqual([bram, { id: 'ghost', name: 'ghost' }]);
    expect(x!.rationale).toBe('Seen at 7:10');
    expect([x!.startedAt, x!.settledAt, x!.settleMs]).toEqual([1_000, 181_000, 180_000]);
    expect(x!.date).toBe(181_000);
    // Without history: no time to settle; the date falls back to the finalization.
    expect(y1!.moved).toEqual([bram]);
    expect(y1!.settleMs).toBeNull();
    expect(y1!.date).toBe(finalizedAt.getTime());
  });

  it('with three coders, a cell is a disagreement when any mark differs; everyone on the other side moved', () => {
    const cells = new Map([['x@0', { value: 0, rationale: '' }]]);
    const [d] = sessionDisagreements(input({ coders: [anna, bram, cees], marked: [new Set(['x@0']), new Set(['x@0']), new Set()], record: archivedRecord(cells, null) }));
    expect(d!.cell).toBe('x@0');
    expect(d!.moved).toEqual([anna, bram]);
  });

  it('attaches supervisor comments and reopen requests to their cell', () => {
    const comment: ReviewComment = { id: 'r1', sessionId: 's1', cell: 'y@2', authorId: 'sam', authorName: 'Sam', text: 'Check this', at: new Date() };
    const request: ReopenRequest = { id: 'q1', sessionId: 's1', cell: 'x@1', requestedBy: 'sam', requesterName: 'Sam', reason: 'Why?', status: 'pending', decidedBy: null, deciderName: null, at: new Date(), decidedAt: null, resettleValue: null, resettleRationale: null, resettleProposedBy: null, proposerName: null, resettledFrom: null, resettledAt: null };
    const list = sessionDisagreements(input({ reviewComments: [comment], reopenRequests: [request] }));
    expect(list.find((d) => d.cell === 'y@2')!.reviewComments).toEqual([comment]);
    expect(list.find((d) => d.cell === 'x@1')!.reopenRequests).toEqual([request]);
    expect(list.find((d) => d.cell === 'y@1')!.reviewComments).toEqual([]);
  });
});
