/*
 * Agreement statistics of a project, from the database: only sessions past reveal count
 * (a blind tally never feeds a statistic), one codebook version at a time (behaviours of
 * different versions are not silently mixed). The coefficients come from lib/agreement.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { NOT_CODED, projectAgreementReport, type BinaryAgreement, type ProjectAgreementReport, type SessionTallies } from '@/lib/agreement';
import { behaviourLabel, flattenBehaviours, localized } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import type { Locale } from '@/lib/i18n/messages';
import { listAssignments, listSessions, type Session } from '@/lib/sessions/sessions';

export interface StatisticsBehaviour {
  key: string;
  code: string;
  label: string;
  negative: boolean;
  aspect: string;
}

export interface StatisticsSession {
  id: string;
  caseNumber: string;
  label: string;
  coders: [string, string];
}

export interface ProjectStatistics {
  versionId: string;
  versionNumber: number;
  /** Other codebook versions with revealed sessions, reported separately. */
  otherVersions: { id: string; number: number; sessions: number }[];
  behaviours: StatisticsBehaviour[];
  aspects: string[];
  sessions: StatisticsSession[];
  /** Sessions still blind (not every coder has submitted): counted, never analysed. */
  blindSessions: number;
  intervalMinutes: number;
  report: ProjectAgreementReport;
  /** Disagreements per behaviour × interval position, summed over sessions: `[behaviour][interval]`. */
  heatmap: number[][];
  /** Sessions that have each interval position, to turn heatmap counts into rates. */
  sessionsAtPosition: number[];
}

/**
 * Loads the statistics for one codebook version (the newest with revealed sessions unless
 * `versionId` is given), or null when no session has been revealed yet. `sessionId`
 * restricts the analysis to one session.
 */
export async function projectStatistics(d: Database, projectId: string, locale: Locale, opts: { versionId?: string; sessionId?: string } = {}): Promise<ProjectStatistics | null> {
  const all = await listSessions(d, projectId);
  const revealed = all.filter((s) => s.status !== 'coding' && s.codebookVersionId && (!opts.sessionId || s.id === opts.sessionId));
  const blindSessions = all.filter((s) => s.status === 'coding').length;
  const byVersion = new Map<string, Session[]>();
  for (const s of revealed) byVersion.set(s.codebookVersionId!, [...(byVersion.get(s.codebookVersionId!) ?? []), s]);
  if (byVersion.size === 0) return null;
  const versions = await Promise.all([...byVersion.keys()].map((id) => codebookVersionById(d, id)));
  const known = versions.filter((v) => v !== null).sort((a, b) => b.number - a.number);
  const chosen = known.find((v) => v.id === opts.versionId) ?? known[0];
  if (!chosen) return null;
  const sessions = byVersion.get(chosen.id)!;
  const placed = flattenBehaviours(chosen.codebook);
  const aspectIndex = new Map(chosen.codebook.aspects.map((a, i) => [a.key, i]));
  const behaviourIndex = new Map(placed.map((p, i) => [p.behaviour.key, i]));
  const B = placed.length;

  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  const tallies: SessionTallies[] = [];
  const used: StatisticsSession[] = [];
  const { t } = d;
  for (const s of sessions) {
    const pair = (assignments.get(s.id) ?? []).filter((a) => a.submitted).slice(0, 2);
    if (pair.length < 2) continue;
    const N = s.intervals.length;
    const marks = (coderId: string) => d.db.select().from(t.tallyCells).where(and(eq(t.tallyCells.sessionId, s.id), eq(t.tallyCells.coderId, coderId)));
    const fill = (rows: { behaviourKey: string; interval: number; value: number }[]) => {
      const out = new Uint8Array(B * N);
      for (const r of rows) {
        const b = behaviourIndex.get(r.behaviourKey);
        if (b !== undefined && r.interval < N) out[b * N + r.interval] = r.value;
      }
      return out;
    };
    const consensusRows = s.status === 'finalized' ? await d.db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, s.id)) : null;
    tallies.push({
      intervals: N,
      coderA: fill(await marks(pair[0]!.coderId)),
      coderB: fill(await marks(pair[1]!.coderId)),
      consensus: consensusRows ? fill(consensusRows) : undefined,
      coderAId: pair[0]!.name,
      coderBId: pair[1]!.name,
    });
    used.push({ id: s.id, caseNumber: s.caseNumber, label: s.label, coders: [pair[0]!.name, pair[1]!.name] });
  }
  if (tallies.length === 0) return null;
  const report = projectAgreementReport({ behaviourAspects: placed.map((p) => aspectIndex.get(p.aspect.key) ?? 0), sessions: tallies });
  const maxN = Math.max(...tallies.map((s) => s.intervals));
  const heatmap = Array.from({ length: B }, () => new Array<number>(maxN).fill(0));
  const sessionsAtPosition = new Array<number>(maxN).fill(0);
  for (const s of tallies) {
    for (let i = 0; i < s.intervals; i++) sessionsAtPosition[i]! += 1;
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < s.intervals; i++) {
        const a = s.coderA[b * s.intervals + i]!;
        const c = s.coderB[b * s.intervals + i]!;
        if (a !== NOT_CODED && c !== NOT_CODED && a !== c) heatmap[b]![i]! += 1;
      }
    }
  }
  return {
    versionId: chosen.id,
    versionNumber: chosen.number,
    otherVersions: known.filter((v) => v.id !== chosen.id).map((v) => ({ id: v.id, number: v.number, sessions: byVersion.get(v.id)!.length })),
    behaviours: placed.map((p) => ({ key: p.behaviour.key, code: p.behaviour.code, label: behaviourLabel(p.behaviour, locale), negative: p.behaviour.polarity === 'negative', aspect: localized(p.aspect.label, locale) })),
    aspects: chosen.codebook.aspects.map((a) => localized(a.label, locale)),
    sessions: used,
    blindSessions,
    intervalMinutes: sessions[0]!.intervalSeconds / 60,
    report,
    heatmap,
    sessionsAtPosition,
  };
}

/**
 * The "kappa paradox": high raw agreement with a low kappa, typical of rare behaviours.
 * Then AC1 and PABAK should be reported beside kappa.
 */
export function showsKappaParadox(a: BinaryAgreement): boolean {
  const po = a.percentAgreement.estimate;
  const kappa = a.cohenKappa.estimate;
  return po !== null && po >= 0.85 && (kappa === null || kappa < 0.6);
}

