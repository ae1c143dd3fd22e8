/*
 * Codebooks in the database: each version's full model is stored as the lossless JSON
 * format (formats/json.ts), frozen once a session is coded against it.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { exportJson, importJson } from './formats/json';
import type { Codebook } from './model';

export interface CodebookVersion {
  id: string;
  codebookId: string;
  number: number;
  frozen: boolean;
  codebook: Codebook;
}

/** Creates a codebook with its first version and returns that version. */
export async function createCodebook(d: Database, projectId: string, actorId: string, codebook: Codebook): Promise<CodebookVersion> {
  const codebookId = randomUUID();
  const version = { id: randomUUID(), codebookId, number: 1, content: new TextDecoder().decode(exportJson(codebook)), frozen: false, createdBy: actorId, createdAt: new Date() };
  await d.transaction(async (tx) => {
    await tx.insert(d.t.codebooks).values({ id: codebookId, projectId, name: codebook.name, createdAt: version.createdAt });
    await tx.insert(d.t.codebookVersions).values(version);
  });
  return { id: version.id, codebookId, number: 1, frozen: false, codebook };
}

/** The newest version of the project's codebook, if it has one. */
export async function latestCodebookVersion(d: Database, projectId: string): Promise<CodebookVersion | null> {
  const { t } = d;
  const [row] = await d.db
    .select({ v: t.codebookVersions })
    .from(t.codebookVersions)
    .innerJoin(t.codebooks, eq(t.codebooks.id, t.codebookVersions.codebookId))
    .where(eq(t.codebooks.projectId, projectId))
    .orderBy(desc(t.codebookVersions.createdAt), desc(t.codebookVersions.number))
    .limit(1);
  return row ? toVersion(row.v) : null;
}

/** Freezes a version: from now on, edits make a new version. */
export async function freezeVersion(d: Database, versionId: string): Promise<void> {
  await d.transaction((tx) => tx.update(d.t.codebookVersions).set({ frozen: true }).where(and(eq(d.t.codebookVersions.id, versionId), eq(d.t.codebookVersions.frozen, false))));
}

function toVersion(row: Database['t']['codebookVersions']['$inferSelect']): CodebookVersion {
  const parsed = importJson(new TextEncoder().encode(row.content), `codebook-v${row.number}.json`);
  if (!parsed.ok) throw new Error(`stored codebook version ${row.id} is unreadable: ${parsed.problems[0]?.message}`);
  return { id: row.id, codebookId: row.codebookId, number: row.number, frozen: row.frozen, codebook: parsed.codebook };
}
