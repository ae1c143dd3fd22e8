import Link from 'next/link';
import { notFound } from 'next/navigation';
import { behaviourLabel, flattenBehaviours, localized } from '@/lib/codebook/model';
import { roundIdOfSession } from '@/lib/calibration/rounds';
import { DomainError } from '@/lib/errors/domain-error';
import { getProjectSettings } from '@/lib/projects/settings';
import { coderView } from '@/lib/sessions/coder-view';
import { intervalHeading } from '@/lib/sessions/intervals';
import { enforceRead, loadTallyContext } from '@/lib/tally/access';
import { readTally } from '@/lib/tally/tallies';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { tallyLabels } from './labels';
import { TallyWorkspace, type GridRow } from './TallyWorkspace';

export default async function TallyPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const { d, project, actor, user } = await requireProject(projectId, 'project.view');
  const ctx = await loadTallyContext(d, project.id, sessionId);
  if (!ctx || !ctx.assignments.some((a) => a.coderId === user.id)) notFound();
  try {
    enforceRead(actor, ctx, user.id);
  } catch (e) {
    if (e instanceof DomainError) notFound();
    throw e;
  }
  const [t, locale] = [await getT(), await currentLocale()];
  const tally = await readTally(d, actor, ctx, user.id);
  // With double-coding hidden, nothing here tells the coder whether anyone else codes this session.
  const view = coderView(actor, (await getProjectSettings(d, project.id)).hideDoubleCoding, ctx.session, ctx.assignments);
  // A calibration round: trainees have no session page or pairwise board; the round's page is theirs.
  const round = ctx.session.purpose === 'calibration' ? await roundIdOfSession(d, ctx.session.id) : null;
  const rows: GridRow[] = flattenBehaviours(ctx.codebook).map(({ behaviour, aspect, group }) => ({
    key: behaviour.key,
    code: behaviour.code,
    label: behaviourLabel(behaviour, locale),
    negative: behaviour.polarity === 'negative',
    shortcut: behaviour.shortcut?.toLowerCase() ?? '',
    aspectKey: aspect.key,
    aspect: localized(aspect.label, locale),
    group: localized(group.label, locale),
    definition: localized(behaviour.definition, locale),
  }));
  return (
    <>
      {round && (
        <p>
          <Link href={`/projects/${project.id}/calibration`}>← {t('calibration.backToCalibration')}</Link>
        </p>
      )}
      {view.status !== 'coding' &&
        (round ? (
          <p className="notice" role="status">
            {t('calibration.tallyRevealed')} <Link href={`/projects/${project.id}/calibration/rounds/${round}`}>{t('calibration.openRound')}</Link>
          </p>
        ) : ctx.assignments.length === 1 && ctx.session.status === 'finalized' ? (
          // Coded alone (a gold recording, or single-coded with double-coding hidden): settled at submit.
          <p className="notice" role="status">
            {t(ctx.session.purpose === 'gold' ? 'tally.goldSettledNotice' : 'tally.settledNotice')}
          </p>
        ) : (
          <p className="notice" role="status">
            {t('tally.revealedNotice')} <Link href={`/projects/${project.id}/sessions/${ctx.session.id}/board`}>{t('board.open')}</Link>
          </p>
        ))}
      <TallyWorkspace
      projectId={project.id}
      sessionId={ctx.session.id}
      coderId={user.id}
      title={`${ctx.session.caseNumber} · ${ctx.session.label}`}
      rows={rows}
      intervals={ctx.session.intervals.map((i) => ({ heading: intervalHeading(i), start: i.startSeconds, end: i.endSeconds, partial: i.partial }))}
      intervalSeconds={ctx.session.intervalSeconds}
      initialCells={tally.cells}
      initialRatings={tally.ratings}
      scales={ctx.codebook.ratingScales.map((s) => ({
        key: s.key,
        label: localized(s.label, locale),
        min: s.min,
        max: s.max,
        anchors: Object.fromEntries(s.anchors.map((a) => [a.value, localized(a.text, locale)])),
      }))}
      submitted={tally.submitted}
      labels={round ? { ...tallyLabels(t, view), submittedNotice: t('calibration.tallySubmitted') } : tallyLabels(t, view)}
      />
    </>
  );
}
