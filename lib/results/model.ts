/*
 * The results model: what the researchers' report tables are built from. Only finalized
 * consensus lists count; every other session is listed as pending and never mixed in.
 * Results are kept per codebook version: behaviours of different versions are never
 * silently combined (the page and every export work on one version at a time and say so).
 *
 * Framework-free and pure: `buildResults` takes plain rows (as lib/results/load.ts reads
 * them from the database) and returns plain data; tables come from table.ts.
 */
import { displayGroups, type Codebook, type GroupSource, type Localized, type Polarity } from '@/lib/codebook/model';
import type { Interval } from '@/lib/sessions/intervals';

export interface ResultsSessionInput {
  id: string;
  caseId: string;
  caseNumber: string;
  label: string;
  status: string;
  codebookVersionId: string | null;
  intervals: Interval[];
}

export interface ResultsVersionInput {
  id: string;
  number: number;
  codebook: Codebook;
}

/** One row of a consensus list (absent cells are 0). `interval` is 0-based. */
export interface ConsensusMark {
  sessionId: string;
  behaviourKey: string;
  interval: number;
  value: number;
}

export interface ResultsInput {
  /** Every session of the project, in display order (case number, then creation). */
  sessions: readonly ResultsSessionInput[];
  /** The codebook versions finalized sessions were coded against. */
  versions: readonly ResultsVersionInput[];
  /** Consensus rows of the finalized sessions (rows of other sessions are ignored). */
  marks: Iterable<ConsensusMark>;
}

export interface ResultBehaviour {
  key: string;
  code: string;
  label: Localized;
  polarity: Polarity;
  /** Index of its aspect in `VersionResults.aspects`. */
  aspect: number;
}

export interface ResultGroup {
  key: string;
  source: GroupSource;
  instrument?: string;
  label: Localized;
  /** Indices into `VersionResults.behaviours`, in codebook order. */
  behaviours: number[];
}

export interface ResultAspect {
  key: string;
  label: Localized;
  /** Literature first, then the instrument's dimensions. */
  groups: ResultGroup[];
  positive: number;
  negative: number;
}

export interface ResultSession {
  id: string;
  caseId: string;
  caseNumber: string;
  label: string;
  intervals: Interval[];
  /** Consensus marks, behaviour-major: `marks[behaviour * intervals.length + interval]` is 0 or 1. */
  marks: Uint8Array;
  /** Per behaviour, the number of intervals with a 1 (k). */
  counts: Uint16Array;
}

export interface VersionResults {
  versionId: string;
  versionNumber: number;
  codebookName: string;
  aspects: ResultAspect[];
  /** Every behaviour in display order (aspect → groups, literature first → behaviours). */
  behaviours: ResultBehaviour[];
  /** The finalized sessions coded against this version, in display order. */
  sessions: ResultSession[];
}

export type PendingReason = 'coding' | 'revealed' | 'no-version';

export interface PendingSession {
  id: string;
  caseNumber: string;
  label: string;
  reason: PendingReason;
}

export interface Results {
  /** Versions with finalized sessions, newest version number first. */
  versions: VersionResults[];
  /** Sessions not counted: not finalized yet, or without a known codebook version. */
  pending: PendingSession[];
}

/** The skeleton of a version: aspects, groups and behaviours in display order. */
export function versionLayout(codebook: Codebook): Pick<VersionResults, 'aspects' | 'behaviours'> {
  const behaviours: ResultBehaviour[] = [];
  const aspects = codebook.aspects.map((aspect, a): ResultAspect => {
    let positive = 0;
    let negative = 0;
    const groups = displayGroups(aspect).map((group): ResultGroup => {
      const indices = group.behaviours.map((b) => {
        if (b.polarity === 'negative') negative++;
        else positive++;
        behaviours.push({ key: b.key, code: b.code, label: b.label, polarity: b.polarity, aspect: a });
        return behaviours.length - 1;
      });
      return { key: group.key, source: group.source, ...(group.instrument ? { instrument: group.instrument } : {}), label: group.label, behaviours: indices };
    });
    return { key: aspect.key, label: aspect.label, groups, positive, negative };
  });
  return { aspects, behaviours };
}

export function buildResults(input: ResultsInput): Results {
  const versionsById = new Map(input.versions.map((v) => [v.id, v]));
  const pending: PendingSession[] = [];
  const counted = new Map<string, { session: ResultsSessionInput; version: ResultsVersionInput }>();
  for (const s of input.sessions) {
    const version = s.codebookVersionId ? versionsById.get(s.codebookVersionId) : undefined;
    if (s.status === 'finalized' && version) counted.set(s.id, { session: s, version });
    else pending.push({ id: s.id, caseNumber: s.caseNumber, label: s.label, reason: s.status === 'finalized' ? 'no-version' : s.status === 'revealed' ? 'revealed' : 'coding' });
  }

  const out = new Map<string, VersionResults>();
  const keyIndex = new Map<string, Map<string, number>>();
  const bySession = new Map<string, { rs: ResultSession; index: Map<string, number> }>();
  for (const { session: s, version: v } of counted.values()) {
    let vr = out.get(v.id);
    if (!vr) {
      const layout = versionLayout(v.codebook);
      vr = { versionId: v.id, versionNumber: v.number, codebookName: v.codebook.name, ...layout, sessions: [] };
      out.set(v.id, vr);
      keyIndex.set(v.id, new Map(layout.behaviours.map((b, i) => [b.key, i])));
    }
    const B = vr.behaviours.length;
    const rs: ResultSession = { id: s.id, caseId: s.caseId, caseNumber: s.caseNumber, label: s.label, intervals: s.intervals, marks: new Uint8Array(B * s.intervals.length), counts: new Uint16Array(B) };
    vr.sessions.push(rs);
    bySession.set(s.id, { rs, index: keyIndex.get(v.id)! });
  }
  for (const m of input.marks) {
    const found = m.value === 1 ? bySession.get(m.sessionId) : undefined;
    if (!found) continue;
    const { rs, index } = found;
    const b = index.get(m.behaviourKey);
    const N = rs.intervals.length;
    if (b === undefined || !Number.isInteger(m.interval) || m.interval < 0 || m.interval >= N) continue;
    const cell = b * N + m.interval;
    if (rs.marks[cell] === 0) {
      rs.marks[cell] = 1;
      rs.counts[b]! += 1;
    }
  }
  return { versions: [...out.values()].sort((a, b) => b.versionNumber - a.versionNumber), pending };
}

/**
 * The version to show: the one with the given id or number, else the newest with
 * finalized sessions; undefined when no session is finalized.
 */
export function pickVersion(results: Results, wanted?: string | null): VersionResults | undefined {
  if (wanted) {
    const found = results.versions.find((v) => v.versionId === wanted || String(v.versionNumber) === wanted);
    if (found) return found;
  }
  return results.versions[0];
}

/** 0-based intervals in which a behaviour was seen in a session. */
export function seenIntervals(session: ResultSession, behaviour: number): number[] {
  const N = session.intervals.length;
  const out: number[] = [];
  if (session.counts[behaviour] === 0) return out;
  for (let i = 0, at = behaviour * N; i < N; i++, at++) if (session.marks[at] === 1) out.push(i);
  return out;
}
