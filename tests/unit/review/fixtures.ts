/* Small builders for review-desk unit tests. */
import type { Disagreement, ReviewBehaviour, ReviewCoder } from '@/lib/review/model';

export const anna: ReviewCoder = { id: 'anna', name: 'Anna' };
export const bram: ReviewCoder = { id: 'bram', name: 'Bram' };
export const cees: ReviewCoder = { id: 'cees', name: 'Cees' };

export function behaviour(key: string, code = key.toUpperCase(), aspectKey = 'a1'): ReviewBehaviour {
  return { key, code, label: { en: `label ${key}`, nl: `label-nl ${key}` }, polarity: 'positive', aspectKey, aspect: { en: `Aspect ${aspectKey}`, nl: `Aspect-nl ${aspectKey}` } };
}

export function disagreement(over: Partial<Disagreement> & { behaviour?: ReviewBehaviour } = {}): Disagreement {
  const b = over.behaviour ?? behaviour('x');
  const interval = over.interval ?? 0;
  const sessionId = over.sessionId ?? 's1';
  const cell = `${b.key}@${interval}`;
  return {
    id: `${sessionId}/${cell}`,
    sessionId,
    sessionLabel: 'Intake',
    sessionStatus: 'finalized',
    caseId: 'c1',
    caseNumber: 'K-01',
    cell,
    interval,
    intervalHeading: `${interval * 5}–${interval * 5 + 5}`,
    behaviour: b,
    coders: [anna, bram],
    marks: [1, 0],
    status: 'settled',
    value: 1,
    rationale: '',
    comments: [],
    unclear: [],
    moved: [bram],
    startedAt: null,
    settledAt: null,
    settleMs: null,
    date: Date.parse('2024-05-10T12:00:00Z'),
    reviewComments: [],
    reopenRequests: [],
    ...over,
  };
}
