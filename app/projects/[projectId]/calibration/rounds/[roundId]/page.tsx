/*
 * One calibration round. Everything shown comes from roundReport, which has already removed
 * what the reader's view (decideRoundView) does not include: before reveal only progress;
 * after reveal the group board and figures, the reader's own figures, and the gold standard
 * and the others by name only where the trainer allowed it.
 */
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { calibrationTrends, roundReport, type RoundReport } from '@/lib/calibration/report';
import { flattenBehaviours, behaviourLabel, localized } from '@/lib/codebook/model';
import { DomainError } from '@/lib/errors/domain-error';
import { can, decideBoardAccess } from '@/lib/policy/policy';
import { cellKey } from '@/lib/tally/model';
import { intervalHeading } from '@/lib/sessions/intervals';
import { currentLocale, getT, requireProject } from '@/app/_server/context';
import { formatDate, namedParticipants } from '../../format';
import { MyProgress } from '../../MySection';
import { roundStatus } from '../../RoundsSection';
import { BoardTable, type BehaviourInfo, type CellFilter } from './BoardTable';
import { GroupFigures, OwnFigures, TraineeTable } from './FigureTables';
import { GroupDiscussion } from './GroupDiscussion';
import { RevealForm } from './RevealForm';
import { AutoRefresh } from '@/app/_components/AutoRefresh';
import styles from '../../calibration.module.css';

const FILTERS: readonly CellFilter[] = ['off', 'split', 'all'];

export default async function RoundPage({ params, searchParams }: { params: Promise<{ projectId: string; roundId: string }>; searchParams: Promise<{ show?: string; aspect?: string }> }) {
  const { projectId, roundId } = await params;
  const query = await searchParams;
  const { d, project, actor, user } = await requireProject(projectId, 'calibration.view');
  let report: RoundReport;
  try {
    report = await roundReport(d, actor, project.id, roundId);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not-found') notFound();
    if (e instanceof DomainError && e.kind === 'forbidden') forbidden();
    throw e;
  }
  const [t, locale] = [await getT(), await currentLocale()];
  const { round, view, board, criteria, codebook } = report;
  const manage = can(actor, 'calibration.manage');
  const participants = namedParticipants(t, report.participants);
  const names = new Map(participants.map((p) => [p.participant.coderId, p.label]));
  const self = report.participants.find((p) => p.self);
  const submitted = round.trainees.filter((a) => a.submitted).length;

  const placed = flattenBehaviours(codebook);
  const behaviours = new Map<string, BehaviourInfo>(
    placed.map(({ behaviour, aspect }) => [
      behaviour.key,
      { code: behaviour.code, label: behaviourLabel(behaviour, locale), negative: behaviour.polarity === 'negative', aspectKey: aspect.key, aspect: localized(aspect.label, locale) },
    ]),
  );
  const aspects = codebook.aspects.map((a) => ({ key: a.key, label: localized(a.label, locale) }));
  const scales = new Map(codebook.ratingScales.map((s) => [s.key, localized(s.label, locale)]));
  const intervals = round.session.intervals.map(intervalHeading);
  const filter: CellFilter = FILTERS.includes(query.show as CellFilter) && !(query.show === 'off' && !view.gold) ? (query.show as CellFilter) : view.gold ? 'off' : 'split';
  const aspectKey = aspects.some((a) => a.key === query.aspect) ? query.aspect! : '';
  const own = report.trainees.find((f) => f.traineeId === user.id);
  // The group's live discussion of the board's cells (comment threads and rationales).
  const access = decideBoardAccess(actor, { status: round.session.status, purpose: 'calibration', assignedCoderIds: round.trainees.map((a) => a.coderId) });
  const discuss = !!board && access.allowed;
  // A trainee who may not see the others by name speaks as "Trainee n" in the discussion too.
  const selfEntry = participants.find((p) => p.participant.self);
  const pseudonym = selfEntry && !view.everyone ? t('calibration.traineeN', { n: selfEntry.number }) : null;
  const cellLabels = Object.fromEntries(
    (board?.cells ?? []).map((c) => {
      const b = behaviours.get(c.behaviourKey);
      return [cellKey(c.behaviourKey, c.interval), `${b?.code ?? ''} ${b?.label ?? ''} · ${intervals[c.interval] ?? ''}`];
    }),
  );
  const ownTrend = view.own ? ((await calibrationTrends(d, actor, project.id)).get(user.id) ?? []) : [];

  return (
    <div className={styles.page}>
      {/* Until the reveal, progress (and the reveal itself) reaches everyone without a reload. */}
      {!round.revealed && <AutoRefresh />}
      <div>
        <p>
          <Link href={`/projects/${project.id}/calibration`}>← {t('calibration.backToCalibration')}</Link>
        </p>
        <h2>{round.session.label}</h2>
        <dl className={styles.facts}>
          <dt>{t('calibration.recording')}</dt>
          <dd>
            {round.session.caseNumber} · {round.goldLabel}
          </dd>
          <dt>{t('calibration.deadline')}</dt>
          <dd>{formatDate(round.deadline, locale)}</dd>
          <dt>{t('sessions.status')}</dt>
          <dd>
            {roundStatus(t, round)}
            {round.revealed && (view.everyone || view.own) && (
              <>
                {' · '}
                <a href={`/api/projects/${project.id}/calibration/rounds/${round.id}/export`} download>
                  {t('calibration.export')}
                </a>
              </>
            )}
          </dd>
          {manage && (
            <>
              <dt>{t('calibration.options')}</dt>
              <dd>
                {round.showGold ? t('calibration.optionGold') : t('calibration.optionNoGold')}; {round.showNames ? t('calibration.optionNames') : t('calibration.optionNoNames')}
              </dd>
            </>
          )}
        </dl>
      </div>

      <section aria-labelledby="progress">
        <h3 id="progress">{t('calibration.progress')}</h3>
        <p>{t('calibration.progressCount', { submitted, total: round.trainees.length })}</p>
        <table className={`data ${styles.table}`}>
          <caption className="visually-hidden">{t('calibration.progress')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.trainee')}</th>
              <th scope="col">{t('sessions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map(({ participant: p, label }) => (
              <tr key={p.coderId}>
                <th scope="row">{label}</th>
                <td>{p.submitted ? t('sessions.submitted') : t('sessions.notSubmitted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {self && !round.revealed && (
          <p>
            {self.submitted ? (
              t('calibration.waitingForReveal')
            ) : (
              <Link className="button-link primary" href={`/projects/${project.id}/sessions/${round.session.id}/tally`}>
                {t('tally.open')}
              </Link>
            )}
          </p>
        )}
      </section>

      {manage && !round.revealed && (
        <RevealForm t={t} projectId={project.id} roundId={round.id} submitted={submitted} total={round.trainees.length} showGold={round.showGold} showNames={round.showNames} />
      )}

      {round.revealed && view.own && (
        <>
          {own ? (
            <OwnFigures
              t={t}
              locale={locale}
              figures={own}
              criteria={criteria}
              behaviours={behaviours}
              aspects={new Map(aspects.map((a) => [a.key, a.label]))}
              scales={scales}
              gold={view.gold}
            />
          ) : (
            <p className="empty">{t('calibration.notInFigures')}</p>
          )}
          {ownTrend.length > 1 && <MyProgress t={t} locale={locale} projectId={project.id} criteria={criteria} points={ownTrend} heading="h3" />}
        </>
      )}

      {round.revealed && view.everyone && <TraineeTable t={t} locale={locale} trainees={report.trainees} names={names} />}

      {board && (
        <>
          <div className={discuss ? styles.twoCols : undefined}>
            <BoardTable t={t} cells={board.cells} behaviours={behaviours} intervals={intervals} gold={view.gold} filter={filter} aspectKey={aspectKey} aspects={aspects} discuss={discuss} />
            {discuss && access.allowed && (
              <div className={styles.sticky}>
                <GroupDiscussion
                  projectId={project.id}
                  sessionId={round.session.id}
                  me={{ id: user.id, name: pseudonym ?? user.name }}
                  canWrite={access.mode === 'write'}
                  cells={cellLabels}
                  labels={{
                    title: t('calibration.discussion.title'),
                    choose: t('calibration.discussion.choose'),
                    rationale: t('board.rationale'),
                    rationaleHint: t('board.rationaleHint'),
                    comments: t('board.comments'),
                    addComment: t('board.addComment'),
                    send: t('board.send'),
                    stateSaved: t('board.state.saved'),
                    stateSaving: t('board.state.saving'),
                    stateOffline: t('board.state.offline'),
                    stateRefused: t('board.state.refused'),
                  }}
                />
              </div>
            )}
          </div>
          <GroupFigures t={t} locale={locale} group={board.group} behaviours={behaviours} />
        </>
      )}
    </div>
  );
}
