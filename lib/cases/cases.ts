import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUniqueViolation, type Database } from '@/lib/db';
import { DomainError } from '@/lib/errors/domain-error';
import { parseInput, text } from '@/lib/validation/parse';

/** A pseudonymous unit of study, known by its case number only. */
export interface Case {
  id: string;
  projectId: string;
  caseNumber: string;
  note: string;
}

const caseInput = z.object({ caseNumber: text(40), note: text(500, true) });

export async function createCase(d: Database, projectId: string, input: unknown): Promise<Case> {
  const data = parseInput(caseInput, input);
  const row = { id: randomUUID(), projectId, caseNumber: data.caseNumber, note: data.note, createdAt: new Date() };
  try {
    await d.transaction((tx) => tx.insert(d.t.cases).values(row));
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', 'case.duplicate', 'caseNumber', { caseNumber: data.caseNumber });
    throw e;
  }
  return { id: row.id, projectId, caseNumber: row.caseNumber, note: row.note };
}

export async function listCases(d: Database, projectId: string): Promise<Case[]> {
  const { t } = d;
  return d.db
    .select({ id: t.cases.id, projectId: t.cases.projectId, caseNumber: t.cases.caseNumber, note: t.cases.note })
    .from(t.cases)
    .where(eq(t.cases.projectId, projectId))
    .orderBy(asc(t.cases.caseNumber));
}

export async function getCase(d: Database, projectId: string, caseId: string): Promise<Case | null> {
  const { t } = d;
  const [row] = await d.db
    .select({ id: t.cases.id, projectId: t.cases.projectId, caseNumber: t.cases.caseNumber, note: t.cases.note })
    .from(t.cases)
    .where(and(eq(t.cases.projectId, projectId), eq(t.cases.id, caseId)));
  return row ?? null;
}
