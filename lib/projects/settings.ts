/*
 * A project's settings: whether coders may know which sessions are double-coded, and the
 * calibration criteria (the statistic against gold, its threshold, and the rating criterion
 * instrument trainings use). A project without a stored row uses DEFAULT_SETTINGS.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { parseInput } from '@/lib/validation/parse';

export const MARK_STATISTICS = ['kappa', 'ac1'] as const;
export type MarkStatistic = (typeof MARK_STATISTICS)[number];

export interface ProjectSettings {
  hideDoubleCoding: boolean;
  /** The statistic against gold (and against partners, for drift) the criteria use. */
  markStatistic: MarkStatistic;
  /** e.g. 0.70 */
  markThreshold: number;
  /** Ratings within this many scale points of gold agree. */
  ratingTolerance: number;
  /** Share (0–1) of ratings that must agree, e.g. 0.9. */
  ratingShare: number;
}

export const DEFAULT_SETTINGS: ProjectSettings = { hideDoubleCoding: false, markStatistic: 'kappa', markThreshold: 0.7, ratingTolerance: 1, ratingShare: 0.9 };

export async function getProjectSettings(d: Database, projectId: string): Promise<ProjectSettings> {
  const [row] = await d.db.select().from(d.t.projectSettings).where(eq(d.t.projectSettings.projectId, projectId));
  if (!row) return DEFAULT_SETTINGS;
  return {
    hideDoubleCoding: row.hideDoubleCoding,
    markStatistic: row.markStatistic === 'ac1' ? 'ac1' : 'kappa',
    markThreshold: row.markThreshold / 100,
    ratingTolerance: row.ratingTolerance,
    ratingShare: row.ratingShare / 100,
  };
}

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
/** Dutch forms write 0,70: a decimal comma is read as a point. */
const decimal = z.preprocess((v) => (typeof v === 'string' ? v.trim().replace(',', '.') : v), z.unknown());
const settingsInput = z
  .object({
    hideDoubleCoding: checkbox,
    markStatistic: z.enum(MARK_STATISTICS, { error: 'field.required' }),
    markThreshold: decimal.pipe(z.coerce.number({ error: 'field.betweenZeroAndOne' }).min(0, { error: 'field.betweenZeroAndOne' }).max(1, { error: 'field.betweenZeroAndOne' })),
    ratingTolerance: z.coerce.number({ error: 'field.wholeNumber' }).int({ error: 'field.wholeNumber' }).min(0, { error: 'field.wholeNumber' }).max(100, { error: 'field.wholeNumber' }),
    ratingShare: decimal.pipe(z.coerce.number({ error: 'field.betweenZeroAndOne' }).min(0, { error: 'field.betweenZeroAndOne' }).max(1, { error: 'field.betweenZeroAndOne' })),
  })
  .partial();

/**
 * Changes some settings (the fields given; the rest keep their value). The caller has
 * checked the right: `project.edit` for hiding double-coding, `calibration.manage` for criteria.
 */
export async function updateProjectSettings(d: Database, projectId: string, actorId: string, input: unknown): Promise<ProjectSettings> {
  const change = parseInput(settingsInput, input);
  const next = { ...(await getProjectSettings(d, projectId)), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as ProjectSettings;
  const row = {
    hideDoubleCoding: next.hideDoubleCoding,
    markStatistic: next.markStatistic,
    markThreshold: Math.round(next.markThreshold * 100),
    ratingTolerance: next.ratingTolerance,
    ratingShare: Math.round(next.ratingShare * 100),
    updatedAt: new Date(),
  };
  const { t } = d;
  await d.transaction(async (tx) => {
    await tx.insert(t.projectSettings).values({ projectId, ...row }).onConflictDoUpdate({ target: t.projectSettings.projectId, set: row });
    await recordAudit(tx, t, { projectId, actorId, kind: 'settings.changed', subject: projectId, detail: change });
  });
  return getProjectSettings(d, projectId);
}
