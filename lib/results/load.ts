/*
 * The results of a project from the database: every session, the codebook versions of the
 * finalized ones, and the consensus rows of exactly those (never a coder's own tally, never
 * a session still in reconciliation). Plus the rationales appendix and the export audit.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { codebookVersionById } from '@/lib/codebook/repository';
import { listSessions } from '@/lib/sessions/sessions';
import { buildResults, type ConsensusMark, type Results, type ResultsVersionInput, type VersionResults } from './model';

/** Session ids per query: far below both dialects' parameter limits. */
const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function loadResults(d: Database, projectId: string): Promise<Results> {
  const { t } = d;
  const sessions = await listSessions(d, projectId);
  const finalized = sessions.filter((s) => s.status === 'finalized' && s.codebookVersionId);
  const versionIds = [...new Set(finalized.map((s) => s.codebookVersionId!))];
  const versions = (await Promise.all(versionIds.map((id) => codebookVersionById(d, id)))).filter((v) => v !== null);
  const marks: ConsensusMark[] = [];
  for (const ids of chunks(finalized.map((s) => s.id))) {
    const rows = await d.db
      .select({ sessionId: t.consensusCells.sessionId, behaviourKey: t.consensusCells.behaviourKey, interval: t.consensusCells.interval, value: t.consensusCells.value })
      .from(t.consensusCells)
      .where(and(inArray(t.consensusCells.sessionId, ids), eq(t.consensusCells.value, 1)));
    for (const r of rows) marks.push(r);
  }
  const versionInputs: ResultsVersionInput[] = versions.map((v) => ({ id: v.id, number: v.number, codebook: v.codebook }));
  return buildResults({ sessions, versions: versionInputs, marks });
}

export interface RationaleEntry {
  caseNumber: string;
  sessionLabel: string;
  /** Index into `VersionResults.behaviours`. */
  behaviour: number;
  /** 0-based. */
  interval: number;
  value: number;
  rationale: string;
}

/** The written rationales of settled marks in the version's finalized sessions, in table order. */
export async function loadRationales(d: Database, version: VersionResults): Promise<RationaleEntry[]> {
  const { t } = d;
  const order = new Map(version.sessions.map((s, i) => [s.id, i]));
  const index = new Map(version.behaviours.map((b, i) => [b.key, i]));
  const out: (RationaleEntry & { session: number })[] = [];
  for (const ids of chunks(version.sessions.map((s) => s.id))) {
    const rows = await d.db
      .select()
      .from(t.consensusCells)
      .where(and(inArray(t.consensusCells.sessionId, ids), ne(t.consensusCells.rationale, '')));
    for (const r of rows) {
      const behaviour = index.get(r.behaviourKey);
      const session = order.get(r.sessionId);
      if (behaviour === undefined || session === undefined || !r.rationale.trim()) continue;
      const s = version.sessions[session]!;
      out.push({ session, caseNumber: s.caseNumber, sessionLabel: s.label, behaviour, interval: r.interval, value: r.value, rationale: r.rationale.trim() });
    }
  }
  out.sort((a, b) => a.session - b.session || a.behaviour - b.behaviour || a.interval - b.interval);
  return out.map(({ session: _session, ...rest }) => rest);
}

/** Every results export is audited: who, which version, which format and file. */
export async function recordResultsExport(d: Database, projectId: string, actorId: string | null, detail: { format: string; fileName: string; version: number; sessions: number; via: 'web' | 'cli' }): Promise<void> {
  await d.transaction((tx) => recordAudit(tx, d.t, { projectId, actorId, kind: 'export.created', subject: detail.fileName, detail }));
}
