/*
 * Tallies in the long CSV format `case,session,coder,code,interval,value`, for migrating
 * existing studies and for analysis elsewhere. `coder` is a coder's email, or `consensus`
 * for a settled list; `interval` counts from 1; `value` is 0 or 1.
 *
 * Import is all-or-nothing: every bad row is reported (file, row, column) and nothing is
 * written. Imported coder tallies count as submitted; a tally already submitted in Concord
 * is never overwritten. Export contains only what the policy lets the caller read.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { flattenBehaviours } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { parseCsv, writeCsv } from '@/lib/files/csv';
import { MAX_IMPORT_BYTES } from '@/lib/files/limits';
import { problem, type Problem } from '@/lib/files/problems';
import { decodeText } from '@/lib/files/text';
import { can, decideTallyRead, type Actor } from '@/lib/policy/policy';
import { parseRoles } from '@/lib/policy/roles';
import { listSessions, type Session } from '@/lib/sessions/sessions';
import type { SessionPurpose } from '@/lib/sessions/purpose';

export const TALLY_COLUMNS = ['case', 'session', 'coder', 'code', 'interval', 'value'] as const;
export const CONSENSUS = 'consensus';
const MAX_PROBLEMS = 200;
/**
 * Import and export cover research sessions and gold recordings (a `consensus` list imported
 * into a gold session is its gold standard); calibration rounds belong to the calibration page.
 */
const EXCHANGED: readonly SessionPurpose[] = ['research', 'gold'];

interface ParsedMark {
  sessionId: string;
  coderId: string | null;
  behaviourKey: string;
  interval: number;
  value: 0 | 1;
}

export type TallyImportResult = { ok: true; sessions: number; marks: number } | { ok: false; problems: Problem[] };

/**
 * What an import may write: `project` (owners, the CLI) every research and gold session;
 * `gold` (trainers) only consensus lists of calibration recordings, i.e. gold standards.
 */
export type ImportScope = 'project' | 'gold';

export async function importTallies(d: Database, projectId: string, actorId: string | null, fileName: string, bytes: Uint8Array, scope: ImportScope = 'project'): Promise<TallyImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problems: [problem('too-large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, { file: fileName })] };
  const decoded = decodeText(bytes, fileName, 'CSV');
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, file: fileName })) };
  const [header, ...rows] = parsed.rows;
  if (!header || rows.length === 0) return { ok: false, problems: [problem('empty-file', 'The file has no tally rows.', { file: fileName })] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = TALLY_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, problems: missing.map((c) => problem('missing-column', `The column "${c}" is missing.`, { file: fileName, line: header.row, column: c })) };
  const col = Object.fromEntries(TALLY_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof TALLY_COLUMNS)[number], number>;

  const lookup = await loadLookup(d, projectId, scope);
  const problems: Problem[] = [];
  const marks: ParsedMark[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const cell = (c: (typeof TALLY_COLUMNS)[number]) => (r.cells[col[c]] ?? '').trim();
    if (r.cells.every((c) => c.trim() === '')) continue;
    const bad = (column: string, message: string) => problems.push(problem('bad-value', message, { file: fileName, line: r.row, column }));
    const session = lookup.sessions.get(`${cell('case')}\u0000${cell('session')}`);
    if (!lookup.cases.has(cell('case'))) {
      bad('case', `No case "${cell('case')}" in this project.`);
      continue;
    }
    if (!session) {
      bad('session', scope === 'gold' ? `Case ${cell('case')} has no calibration recording "${cell('session')}".` : `Case ${cell('case')} has no session "${cell('session')}".`);
      continue;
    }
    const coderCell = cell('coder').toLowerCase();
    if (scope === 'gold' && coderCell !== CONSENSUS) {
      bad('coder', `Only "${CONSENSUS}" lists (gold standards) can be imported here.`);
      continue;
    }
    const coderId = coderCell === CONSENSUS ? null : lookup.coders.get(coderCell);
    if (coderId === undefined) bad('coder', `"${cell('coder')}" is not a coder in this project (use a coder's email, or "consensus").`);
    const behaviourKey = session.codes.get(cell('code'));
    if (!behaviourKey) bad('code', `The code "${cell('code')}" is not in this session's codebook version.`);
    const interval = Number(cell('interval'));
    if (!Number.isInteger(interval) || interval < 1 || interval > session.intervals) bad('interval', `The interval must be a whole number from 1 to ${session.intervals}.`);
    const value = cell('value');
    if (value !== '0' && value !== '1') bad('value', 'The value must be 0 or 1.');
    if (coderId === undefined || !behaviourKey || problems.some((p) => p.line === r.row)) continue;
    const key = `${session.id}|${coderId}|${behaviourKey}|${interval}`;
    if (seen.has(key)) {
      bad('interval', 'This mark appears twice in the file.');
      continue;
    }
    seen.add(key);
    if (coderId && lookup.submitted.has(`${session.id}|${coderId}`)) {
      bad('coder', `${cell('coder')} already submitted this session in Concord; a submitted tally never changes.`);
      continue;
    }
    marks.push({ sessionId: session.id, coderId, behaviourKey, interval: interval - 1, value: value === '1' ? 1 : 0 });
  }
  if (problems.length) return { ok: false, problems };
  await writeImport(d, projectId, actorId, fileName, marks);
  return { ok: true, sessions: new Set(marks.map((m) => m.sessionId)).size, marks: marks.length };
}

async function loadLookup(d: Database, projectId: string, scope: ImportScope) {
  const { t } = d;
  const sessions = await listSessions(d, projectId, scope === 'gold' ? ['gold'] : EXCHANGED);
  const versions = new Map<string, Map<string, string>>();
  const byName = new Map<string, { id: string; intervals: number; codes: Map<string, string> }>();
  for (const s of sessions) {
    if (!s.codebookVersionId) continue;
    if (!versions.has(s.codebookVersionId)) {
      const version = await codebookVersionById(d, s.codebookVersionId);
      versions.set(s.codebookVersionId, new Map(version ? flattenBehaviours(version.codebook).map((f) => [f.behaviour.code, f.behaviour.key]) : []));
    }
    byName.set(`${s.caseNumber}\u0000${s.label}`, { id: s.id, intervals: s.intervals.length, codes: versions.get(s.codebookVersionId)! });
  }
  const memberRows = await d.db
    .select({ userId: t.members.userId, roles: t.members.roles, email: t.users.email })
    .from(t.members)
    .innerJoin(t.users, eq(t.users.id, t.members.userId))
    .where(eq(t.members.projectId, projectId));
  const coders = new Map(memberRows.filter((m) => parseRoles(m.roles).includes('coder')).map((m) => [m.email, m.userId]));
  const ids = sessions.map((s) => s.id);
  const submittedRows = ids.length
    ? await d.db.select({ sessionId: t.assignments.sessionId, coderId: t.assignments.coderId, submittedAt: t.assignments.submittedAt }).from(t.assignments).where(inArray(t.assignments.sessionId, ids))
    : [];
  const submitted = new Set(submittedRows.filter((a) => a.submittedAt).map((a) => `${a.sessionId}|${a.coderId}`));
  const cases = await d.db.select({ caseNumber: t.cases.caseNumber }).from(t.cases).where(eq(t.cases.projectId, projectId));
  return { cases: new Set(cases.map((c) => c.caseNumber)), sessions: byName, coders, submitted };
}

async function writeImport(d: Database, projectId: string, actorId: string | null, fileName: string, marks: ParsedMark[]): Promise<void> {
  const { t } = d;
  const now = new Date();
  await d.transaction(async (tx) => {
    const tallies = new Map<string, ParsedMark[]>();
    for (const m of marks) {
      const k = `${m.sessionId}|${m.coderId ?? CONSENSUS}`;
      tallies.set(k, [...(tallies.get(k) ?? []), m]);
    }
    for (const [k, list] of tallies) {
      const [sessionId, coder] = k.split('|') as [string, string];
      if (coder === CONSENSUS) {
        await tx.delete(t.consensusCells).where(eq(t.consensusCells.sessionId, sessionId));
        await tx.insert(t.consensusCells).values(list.map((m) => ({ sessionId, behaviourKey: m.behaviourKey, interval: m.interval, value: m.value, rationale: '' })));
        await tx.update(t.sessions).set({ status: 'finalized', revealedAt: now, finalizedAt: now }).where(eq(t.sessions.id, sessionId));
        continue;
      }
      await tx.delete(t.tallyCells).where(and(eq(t.tallyCells.sessionId, sessionId), eq(t.tallyCells.coderId, coder)));
      await tx.insert(t.tallyCells).values(list.map((m) => ({ sessionId, coderId: coder, behaviourKey: m.behaviourKey, interval: m.interval, value: m.value, note: '', moments: '[]', clientTime: now.getTime() })));
      await tx
        .insert(t.assignments)
        .values({ sessionId, coderId: coder, assignedAt: now, submittedAt: now })
        .onConflictDoUpdate({ target: [t.assignments.sessionId, t.assignments.coderId], set: { submittedAt: now } });
    }
    for (const sessionId of new Set(marks.map((m) => m.sessionId))) {
      const open = await tx.select().from(t.assignments).where(eq(t.assignments.sessionId, sessionId));
      if (open.length > 0 && open.every((a) => a.submittedAt)) {
        await tx.update(t.sessions).set({ status: 'revealed', revealedAt: now }).where(and(eq(t.sessions.id, sessionId), eq(t.sessions.status, 'coding')));
      }
    }
    await recordAudit(tx, t, { projectId, actorId, kind: 'tallies.imported', subject: fileName, detail: { marks: marks.length } });
  });
}

/**
 * Whose settled list the actor may export: a research session's consensus is what results show
 * (the research team); a gold standard only those who run calibration or supervise it, never
 * a trainee or a coder, who may later be trained on that recording.
 */
function mayExportConsensus(actor: Actor, s: Session): boolean {
  if (s.purpose === 'gold') return can(actor, 'calibration.manage') || actor.roles.includes('supervisor');
  return s.purpose === 'research' && can(actor, 'results.view');
}

/** The tallies the actor may read, in the long format; consensus lists of finalized sessions too. */
export async function exportTallies(d: Database, actor: Actor, projectId: string): Promise<string> {
  const { t } = d;
  const sessions = await listSessions(d, projectId, EXCHANGED);
  const ids = sessions.map((s) => s.id);
  const lines: string[][] = [[...TALLY_COLUMNS]];
  if (ids.length === 0) return writeCsv(lines);
  const assignments = await d.db.select().from(t.assignments).where(inArray(t.assignments.sessionId, ids));
  const emails = new Map((await d.db.select({ id: t.users.id, email: t.users.email }).from(t.users)).map((u) => [u.id, u.email]));
  for (const s of sessions) {
    if (!s.codebookVersionId) continue;
    const version = await codebookVersionById(d, s.codebookVersionId);
    const codes = new Map(version ? flattenBehaviours(version.codebook).map((f) => [f.behaviour.key, f.behaviour.code]) : []);
    const assigned = assignments.filter((a) => a.sessionId === s.id).map((a) => a.coderId);
    const readable = assigned.filter((coderId) => decideTallyRead(actor, { coderId, revealed: s.status !== 'coding', assignedCoderIds: assigned, purpose: s.purpose, showNames: false }).allowed);
    if (readable.length) {
      const cells = await d.db
        .select()
        .from(t.tallyCells)
        .where(and(eq(t.tallyCells.sessionId, s.id), inArray(t.tallyCells.coderId, readable)));
      for (const c of cells) lines.push([s.caseNumber, s.label, emails.get(c.coderId) ?? c.coderId, codes.get(c.behaviourKey) ?? c.behaviourKey, String(c.interval + 1), String(c.value)]);
    }
    if (s.status === 'finalized' && mayExportConsensus(actor, s)) {
      const consensus = await d.db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, s.id));
      for (const c of consensus) lines.push([s.caseNumber, s.label, CONSENSUS, codes.get(c.behaviourKey) ?? c.behaviourKey, String(c.interval + 1), String(c.value)]);
    }
  }
  await d.transaction((tx) => recordAudit(tx, t, { projectId, actorId: actor.userId, kind: 'export.created', subject: 'tallies.csv', detail: { rows: lines.length - 1 } }));
  return writeCsv(lines);
}
