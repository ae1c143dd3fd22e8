/*
 * Codebooks in the database: each version's full model is stored as the lossless JSON
 * format (formats/json.ts). A project has one codebook with numbered versions.
 *
 * Editing (`saveCodebook`): a version nobody coded against yet is updated in place; once it
 * is frozen or a session references it, an edit becomes version n+1 and the old version
 * stays as it was (`planEdit` in versions.ts decides). `createdBy`/`createdAt` of a version
 * record who saved its current content, and when.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/audit';
import { isUniqueViolation, type Database, type Db } from '@/lib/db';
import { problem } from '@/lib/files/problems';
import { exportJson, importJson } from './formats/json';
import type { Codebook } from './model';
import type { CodebookProblem } from './problems';
import { validateCodebook } from './validate';
import { planEdit, type CodebookDiff, type EditAction } from './versions';

export interface CodebookVersion {
  id: string;
  codebookId: string;
  number: number;
  frozen: boolean;
  codebook: Codebook;
  createdBy: string;
  createdAt: Date;
  /** Fingerprint of the stored content; changes with every save (detects concurrent edits). */
  revision: string;
}

/** A version in the history: who saved it, when, and how many sessions are coded against it. */
export interface CodebookVersionEntry extends CodebookVersion {
  createdByName: string | null;
  sessionCount: number;
  /** Frozen, or referenced by a session: editing it makes a new version. */
  inUse: boolean;
}

type VersionRow = Database['t']['codebookVersions']['$inferSelect'];

const serialize = (codebook: Codebook) => new TextDecoder().decode(exportJson(codebook));
const revisionOf = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 16);

/** Creates a codebook with its first version and returns that version. */
export async function createCodebook(d: Database, projectId: string, actorId: string, codebook: Codebook): Promise<CodebookVersion> {
  const codebookId = randomUUID();
  const version = { id: randomUUID(), codebookId, number: 1, content: serialize(codebook), frozen: false, createdBy: actorId, createdAt: new Date() };
  await d.transaction(async (tx) => {
    await tx.insert(d.t.codebooks).values({ id: codebookId, projectId, name: codebook.name, createdAt: version.createdAt });
    await tx.insert(d.t.codebookVersions).values(version);
  });
  return toVersion(version);
}

/** The newest version of the project's codebook, if it has one. */
export async function latestCodebookVersion(d: Database, projectId: string): Promise<CodebookVersion | null> {
  const row = await latestRow(d.db, d.t, projectId);
  return row ? toVersion(row) : null;
}

async function latestRow(db: Db, t: Database['t'], projectId: string): Promise<VersionRow | null> {
  const [row] = await db
    .select({ v: t.codebookVersions })
    .from(t.codebookVersions)
    .innerJoin(t.codebooks, eq(t.codebooks.id, t.codebookVersions.codebookId))
    .where(eq(t.codebooks.projectId, projectId))
    .orderBy(desc(t.codebookVersions.createdAt), desc(t.codebookVersions.number))
    .limit(1);
  return row?.v ?? null;
}

/** Every version of the project's codebook, newest first. */
export async function listCodebookVersions(d: Database, projectId: string): Promise<CodebookVersionEntry[]> {
  const { t } = d;
  const rows = await d.db
    .select({ v: t.codebookVersions, name: t.users.name })
    .from(t.codebookVersions)
    .innerJoin(t.codebooks, eq(t.codebooks.id, t.codebookVersions.codebookId))
    .leftJoin(t.users, eq(t.users.id, t.codebookVersions.createdBy))
    .where(eq(t.codebooks.projectId, projectId))
    .orderBy(desc(t.codebookVersions.number));
  const counts = await sessionCounts(d.db, t, rows.map((r) => r.v.id));
  return rows.map(({ v, name }) => {
    const sessionCount = counts.get(v.id) ?? 0;
    return { ...toVersion(v), createdByName: name, sessionCount, inUse: v.frozen || sessionCount > 0 };
  });
}

async function sessionCounts(db: Db, t: Database['t'], versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: t.sessions.codebookVersionId, n: count() })
    .from(t.sessions)
    .where(inArray(t.sessions.codebookVersionId, versionIds))
    .groupBy(t.sessions.codebookVersionId);
  return new Map(rows.map((r) => [r.id ?? '', Number(r.n)]));
}

/** Freezes a version: from now on, edits make a new version. */
export async function freezeVersion(d: Database, versionId: string): Promise<void> {
  await d.transaction((tx) => tx.update(d.t.codebookVersions).set({ frozen: true }).where(and(eq(d.t.codebookVersions.id, versionId), eq(d.t.codebookVersions.frozen, false))));
}

export interface SaveOptions {
  /**
   * The `revision` the edit started from (null: the project had no codebook). When given and
   * the stored latest version differs, the save is refused as `stale`. Omit to skip the check.
   */
  baseRevision?: string | null;
  /** Save as a new version even when the latest could be edited in place (imports). */
  newVersion?: boolean;
  /** Behaviours that have tallies; by default read from the tallies of the version's sessions. */
  talliedBehaviourKeys?: Iterable<string>;
}

export type SaveAction = EditAction | 'created';

export type SaveResult =
  | { ok: true; action: SaveAction; version: CodebookVersion; diff: CodebookDiff | null }
  | { ok: false; reason: 'invalid' | 'refused' | 'stale'; problems: CodebookProblem[] };

const stale = (): SaveResult => ({
  ok: false,
  reason: 'stale',
  problems: [problem('stale-version', 'The codebook was changed by someone else since you started editing. Reload it and edit again.')],
});

/**
 * Saves `codebook` as the project's codebook, by `actorId`: the first version, an in-place
 * edit of an unused latest version, or version n+1. Nothing is written when it is invalid,
 * refused (removing a behaviour with tallies in place) or stale.
 */
export async function saveCodebook(d: Database, projectId: string, actorId: string, codebook: Codebook, opts: SaveOptions = {}): Promise<SaveResult> {
  const invalid = validateCodebook(codebook);
  if (invalid.length) return { ok: false, reason: 'invalid', problems: invalid };
  const { t } = d;
  try {
    return await d.transaction(async (tx): Promise<SaveResult> => {
      const latestStored = await latestRow(tx, t, projectId);
      if (opts.baseRevision !== undefined && (latestStored ? revisionOf(latestStored.content) : null) !== opts.baseRevision) return stale();
      if (!latestStored) return { ok: true, action: 'created', version: await createCodebook(d, projectId, actorId, codebook), diff: null };

      const latest = toVersion(latestStored);
      const inUse = latest.frozen || ((await sessionCounts(tx, t, [latest.id])).get(latest.id) ?? 0) > 0;
      const plan = planEdit(latest.codebook, codebook, { versionInUse: inUse || !!opts.newVersion, talliedBehaviourKeys: opts.talliedBehaviourKeys ?? (await talliedKeys(tx, t, latest.id)) });
      if (plan.problems.length) return { ok: false, reason: 'refused', problems: plan.problems };
      if (plan.action === 'none') return { ok: true, action: 'none', version: latest, diff: plan.diff };

      const now = new Date();
      const content = serialize(codebook);
      await tx.update(t.codebooks).set({ name: codebook.name }).where(eq(t.codebooks.id, latest.codebookId));
      if (plan.action === 'new-version') {
        const row = { id: randomUUID(), codebookId: latest.codebookId, number: latest.number + 1, content, frozen: false, createdBy: actorId, createdAt: now };
        await tx.insert(t.codebookVersions).values(row);
        return { ok: true, action: 'new-version', version: toVersion(row), diff: plan.diff };
      }
      const v = t.codebookVersions;
      const unused = notExists(tx.select({ one: sql`1` }).from(t.sessions).where(eq(t.sessions.codebookVersionId, latest.id)));
      const updated = await tx
        .update(v)
        .set({ content, createdBy: actorId, createdAt: now })
        .where(and(eq(v.id, latest.id), eq(v.frozen, false), eq(v.content, latestStored.content), unused))
        .returning({ id: v.id });
      if (updated.length === 0) return stale();
      return { ok: true, action: 'edit-in-place', version: toVersion({ ...latestStored, content, createdBy: actorId, createdAt: now }), diff: plan.diff };
    });
  } catch (e) {
    // Two saves racing for the same next version number: the second one is stale.
    if (isUniqueViolation(e)) return stale();
    throw e;
  }
}

/** Records that a version was exported (every export is audited); `actorId` null for the command line. */
export async function recordCodebookExport(
  d: Database,
  projectId: string,
  actorId: string | null,
  version: CodebookVersion,
  file: { fileName: string; format: string },
): Promise<void> {
  await d.transaction((tx) =>
    recordAudit(tx, d.t, {
      projectId,
      actorId,
      kind: 'export.created',
      subject: file.fileName,
      detail: { what: 'codebook', format: file.format, version: version.number, via: actorId ? 'web' : 'cli' },
    }),
  );
}

function toVersion(row: VersionRow): CodebookVersion {
  const parsed = importJson(new TextEncoder().encode(row.content), `codebook-v${row.number}.json`);
  if (!parsed.ok) throw new Error(`stored codebook version ${row.id} is unreadable: ${parsed.problems[0]?.message}`);
  return {
    id: row.id,
    codebookId: row.codebookId,
    number: row.number,
    frozen: row.frozen,
    codebook: parsed.codebook,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    revision: revisionOf(row.content),
  };
}

/** One stored version by id (a session's frozen codebook). */
export async function codebookVersionById(d: Database, versionId: string): Promise<CodebookVersion | null> {
  const [row] = await d.db.select().from(d.t.codebookVersions).where(eq(d.t.codebookVersions.id, versionId));
  return row ? toVersion(row) : null;
}

/** Behaviours with at least one tally mark in a session coded against the version. */
async function talliedKeys(tx: Db, t: Database['t'], versionId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ key: t.tallyCells.behaviourKey })
    .from(t.tallyCells)
    .innerJoin(t.sessions, eq(t.sessions.id, t.tallyCells.sessionId))
    .where(eq(t.sessions.codebookVersionId, versionId));
  return rows.map((r) => r.key);
}
