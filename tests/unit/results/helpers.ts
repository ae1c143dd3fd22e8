/*
 * A small study for the results tests: aspect A has an instrument group listed BEFORE its
 * literature group (the table must still put literature first), with 3 positive and 2
 * negative behaviours; aspect B has one positive behaviour. Two codebook versions.
 */
import type { Behaviour, Codebook, Group } from '@/lib/codebook/model';
import { buildResults, type ConsensusMark, type Results, type ResultsSessionInput } from '@/lib/results';
import { intervalsOf } from '@/lib/sessions/intervals';

const t = (en: string) => ({ en, nl: `${en} (nl)` });
const behaviour = (code: string, polarity: 'positive' | 'negative'): Behaviour => ({
  key: `key-${code}`,
  code,
  label: t(`Behaviour ${code}`),
  polarity,
  definition: t(''),
  include: t(''),
  exclude: t(''),
  examples: [],
});
const group = (key: string, source: Group['source'], label: string, behaviours: Behaviour[]): Group => ({ key, source, label: t(label), behaviours, ...(source === 'instrument' ? { instrument: 'Instrument', dimension: key } : {}) });

export function codebook(extra: Behaviour[] = []): Codebook {
  return {
    name: 'Study codebook',
    aspects: [
      {
        key: 'aspect-a',
        label: t('Aspect A'),
        groups: [
          group('bond', 'instrument', 'Bond', [behaviour('I1', 'positive'), behaviour('I2', 'positive'), behaviour('I3', 'negative')]),
          group('lit-a', 'literature', 'Literature', [behaviour('L1', 'positive'), behaviour('L2', 'negative')]),
        ],
      },
      { key: 'aspect-b', label: t('Aspect B'), groups: [group('lit-b', 'literature', 'Literature', [behaviour('B1', 'positive'), ...extra])] },
    ],
    ratingScales: [],
  };
}

export const session = (id: string, caseNumber: string, minutes: number, status: string, version: string | null = 'v2'): ResultsSessionInput => ({
  id,
  caseId: `case-${caseNumber}`,
  caseNumber,
  label: `${caseNumber} talk ${id}`,
  status,
  codebookVersionId: version,
  intervals: intervalsOf(minutes * 60, 300),
});

/** Marks as `code@interval(1-based)` strings, value 1. */
export const marks = (sessionId: string, ...cells: string[]): ConsensusMark[] =>
  cells.map((c) => {
    const [code, interval] = c.split('@');
    return { sessionId, behaviourKey: `key-${code}`, interval: Number(interval) - 1, value: 1 };
  });

/**
 * K-01: s1 (20 min, 4 intervals) and s2 (10 min, 2 intervals), finalized.
 * K-02: s3 (20 min) finalized; s4 revealed and s5 coding (pending, with marks that must not count).
 * K-03: s6 finalized against version 1 (reported apart).
 */
export function study(): Results {
  return buildResults({
    sessions: [session('s1', 'K-01', 20, 'finalized'), session('s2', 'K-01', 10, 'finalized'), session('s3', 'K-02', 20, 'finalized'), session('s4', 'K-02', 20, 'revealed'), session('s5', 'K-02', 20, 'coding'), session('s6', 'K-03', 20, 'finalized', 'v1'), session('s7', 'K-03', 20, 'finalized', null)],
    versions: [
      { id: 'v1', number: 1, codebook: codebook() },
      { id: 'v2', number: 2, codebook: codebook([behaviour('B2', 'negative')]) },
    ],
    marks: [
      ...marks('s1', 'L1@1', 'L1@3', 'I1@2', 'I3@4', 'B1@1'),
      ...marks('s2', 'L1@2', 'I2@1', 'I2@2'),
      ...marks('s3', 'L2@1', 'I1@1', 'I1@2', 'I1@3', 'I1@4'),
      ...marks('s4', 'L1@1', 'L2@1', 'I3@1', 'B2@1'),
      ...marks('s5', 'L1@1', 'B1@1'),
      ...marks('s6', 'L1@1', 'L1@2'),
      { sessionId: 's3', behaviourKey: 'key-L1', interval: 0, value: 0 },
      { sessionId: 's3', behaviourKey: 'unknown-key', interval: 0, value: 1 },
      { sessionId: 's3', behaviourKey: 'key-B1', interval: 9, value: 1 },
    ],
  });
}
