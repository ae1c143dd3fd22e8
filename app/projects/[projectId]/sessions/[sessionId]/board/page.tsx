import { notFound, forbidden, redirect } from 'next/navigation';
import { roundIdOfSession } from '@/lib/calibration/rounds';
import { binaryAgreement } from '@/lib/agreement';
import { behaviourLabel, flattenBehaviours, localized } from '@/lib/codebook/model';
import { decideBoardAccess } from '@/lib/policy/policy';
import { intervalHeading } from '@/lib/sessions/intervals';
import { formatCoefficient } from '@/lib/statistics/format';
import { boardSubject, loadTallyContext } from '@/lib/tally/access';
import { cellKey } from '@/lib/tally/model';
import { readTally } from '@/lib/tally/tallies';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { boardLabels } from './labels';
import { BoardWorkspace, type BoardCoder, type BoardRow } from './BoardWorkspace';

export default async function BoardPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const { d, project, actor, user } = await requireProject(projectId, 'project.view');
  const ctx = await loadTallyContext(d, project.id, sessionId);
  if (!ctx) notFound();
  // A round has no pairwise board: its group board and discussion are on the round's page.
  if (ctx.session.purpose === 'calibration') {
    const roundId = await roundIdOfSession(d, ctx.session.id);
    return roundId ? redirect(`/projects/${project.id}/calibration/rounds/${roundId}`) : notFound();
  }
  const access = decideBoardAccess(actor, boardSubject(ctx));
  if (!access.allowed) return access.status === 404 ? notFound() : forbidden();
  const [t, locale] = [await getT(), await currentLocale()];
  const tallies = await Promise.all(ctx.assignments.map((a) => readTally(d, actor, ctx, a.coderId)));
  const coders: BoardCoder[] = ctx.assignments.map((a, i) => ({
    id: a.coderId,
    name: a.name,
    marked: tallies[i]!.cells.filter((c) => c.value === 1).map((c) => cellKey(c.behaviourKey, c.interval)),
    notes: Object.fromEntries(tallies[i]!.cells.filter((c) => c.note).map((c) => [cellKey(c.behaviourKey, c.interval), c.note])),
    moments: Object.fromEntries(tallies[i]!.cells.filter((c) => c.moments.length).map((c) => [cellKey(c.behaviourKey, c.interval), c.moments])),
    ratings: Object.fromEntries(tallies[i]!.ratings.map((r) => [r.scaleKey, r.value])),
  }));
  const rows: BoardRow[] = flattenBehaviours(ctx.codebook).map(({ behaviour, aspect, group }) => ({
    key: behaviour.key,
    code: behaviour.code,
    label: behaviourLabel(behaviour, locale),
    negative: behaviour.polarity === 'negative',
    aspectKey: aspect.key,
    aspect: localized(aspect.label, locale),
    group: localized(group.label, locale),
    definition: localized(behaviour.definition, locale),
    include: localized(behaviour.include, locale),
    exclude: localized(behaviour.exclude, locale),
    examples: behaviour.examples.map((e) => localized(e, locale)).filter(Boolean),
  }));
  // Agreement of the first two coders before reconciliation, over every cell.
  const [a, b] = [new Set(coders[0]?.marked), new Set(coders[1]?.marked)];
  const counts = { a: 0, b: 0, c: 0, d: 0 };
  for (const r of rows) {
    for (let i = 0; i < ctx.session.intervals.length; i++) {
      const k = cellKey(r.key, i);
      counts[a.has(k) ? (b.has(k) ? 'a' : 'b') : b.has(k) ? 'c' : 'd'] += 1;
    }
  }
  const agreement = binaryAgreement(counts);
  return (
    <BoardWorkspace
      projectId={project.id}
      sessionId={ctx.session.id}
      title={`${ctx.session.caseNumber} · ${ctx.session.label}`}
      me={{ id: user.id, name: user.name }}
      mode={access.mode}
      finalized={ctx.session.status === 'finalized'}
      rows={rows}
      intervals={ctx.session.intervals.map((i) => ({ heading: intervalHeading(i), start: i.startSeconds }))}
      intervalSeconds={ctx.session.intervalSeconds}
      coders={coders}
      scales={ctx.codebook.ratingScales.map((s) => ({ key: s.key, label: localized(s.label, locale), min: s.min, max: s.max }))}
      agreement={{ percent: formatCoefficient(agreement.percentAgreement, locale, false).text, kappa: formatCoefficient(agreement.cohenKappa, locale).text }}
      labels={boardLabels(t)}
    />
  );
}
