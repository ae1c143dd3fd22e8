/*
 * GET: a round's figures as CSV, holding what the caller may see of the round
 * (decideRoundView through roundReport: a trainee gets their own row). Audited.
 */
import { recordAudit } from '@/lib/audit/audit';
import { roundFiguresCsv } from '@/lib/calibration/export';
import { roundReport } from '@/lib/calibration/report';
import { api, projectActor } from '@/app/_server/api';

export const GET = api<{ projectId: string; roundId: string }>(async (_req, base, { projectId, roundId }) => {
  const ctx = await projectActor(base, projectId);
  const report = await roundReport(ctx.d, ctx.actor, projectId, roundId);
  const csv = roundFiguresCsv(report, ctx.t);
  await ctx.d.transaction((tx) => recordAudit(tx, ctx.d.t, { projectId, actorId: ctx.user.id, kind: 'export.created', subject: `calibration-round-${roundId}.csv`, detail: { rows: report.trainees.length } }));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="calibration-round.csv"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
