/*
 * What members see of calibration: a round's figures (filtered by decideRoundView), each
 * trainee's trend across rounds, who is calibrated, and research coders' drift. The marks
 * are read here directly from the tables, but only after the policy has said which view
 * the actor gets; every figure a view does not include is removed before it leaves lib.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import type { Codebook } from '@/lib/codebook/model';
import { flattenBehaviours } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { DomainError } from '@/lib/errors/domain-error';
import { enforce } from '@/lib/policy/enforce';
import { decideDriftRead, decideRoundView, type Actor, type RoundView } from '@/lib/policy/policy';
import { listMembers } from '@/lib/projects/members';
import { getProjectSettings, type ProjectSettings } from '@/lib/projects/settings';
import { listAssignments } from '@/lib/sessions/sessions';
import { cellKey } from '@/lib/tally/model';
import { coderDrift, pairObservation, type CoderDrift, type DriftObservation } from './drift';
import { calibrationFigures, type CalibrationCriteria, type CalibrationFigures, type CellSpread, type MarkSet, type TraineeFigures } from './figures';
import { getRound, listRounds, type Round } from './rounds';

export function criteriaOf(settings: ProjectSettings): CalibrationCriteria {
  return { statistic: settings.markStatistic, threshold: settings.markThreshold, ratingTolerance: settings.ratingTolerance, ratingShare: settings.ratingShare };
}

export interface Participant {
  /** The user id, or a stand-in like `trainee-2` when the actor may not see who it is. */
  coderId: string;
  /** Null when the actor may not see the others by name. */
  name: string | null;
  submitted: boolean;
  self: boolean;
}

/** A cell of the group board; `gold` and `offGold` are null when the actor may not see the gold. */
export type BoardCell = Omit<CellSpread, 'gold' | 'offGold'> & { gold: 0 | 1 | null; offGold: number | null };

export interface RoundReport {
  round: Round;
  view: RoundView;
  criteria: CalibrationCriteria;
  codebook: Codebook;
  participants: Participant[];
  /** After reveal, for those who may see the spread. */
  board: { cells: BoardCell[]; group: CalibrationFigures['group'] } | null;
  /** Every trainee's figures (view.everyone) or only the actor's own (view.own). */
  trainees: TraineeFigures[];
}

async function marksOf(d: Database, sessionId: string, coderIds: readonly string[]): Promise<Map<string, MarkSet>> {
  const { t } = d;
  const out = new Map<string, { marked: Set<string>; ratings: Map<string, number> }>(coderIds.map((id) => [id, { marked: new Set(), ratings: new Map() }]));
  if (coderIds.length === 0) return out;
  const cells = await d.db
    .select({ coderId: t.tallyCells.coderId, behaviourKey: t.tallyCells.behaviourKey, interval: t.tallyCells.interval })
    .from(t.tallyCells)
    .where(and(eq(t.tallyCells.sessionId, sessionId), inArray(t.tallyCells.coderId, [...coderIds]), eq(t.tallyCells.value, 1)));
  for (const c of cells) out.get(c.coderId)?.marked.add(cellKey(c.behaviourKey, c.interval));
  const ratings = await d.db.select().from(t.tallyRatings).where(and(eq(t.tallyRatings.sessionId, sessionId), inArray(t.tallyRatings.coderId, [...coderIds])));
  for (const r of ratings) if (r.value !== null) out.get(r.coderId)?.ratings.set(r.scaleKey, r.value);
  return out;
}

async function goldOf(d: Database, goldSessionId: string): Promise<MarkSet> {
  const { t } = d;
  const cells = await d.db.select().from(t.consensusCells).where(and(eq(t.consensusCells.sessionId, goldSessionId), eq(t.consensusCells.value, 1)));
  const ratings = await d.db.select().from(t.consensusRatings).where(eq(t.consensusRatings.sessionId, goldSessionId));
  return {
    marked: new Set(cells.map((c) => cellKey(c.behaviourKey, c.interval))),
    ratings: new Map(ratings.filter((r) => r.value !== null).map((r) => [r.scaleKey, r.value!])),
  };
}

/** The figures of a revealed round, computed over the trainees who submitted. */
async function figuresOf(d: Database, round: Round, codebook: Codebook, criteria: CalibrationCriteria): Promise<CalibrationFigures> {
  const submitted = round.trainees.filter((a) => a.submitted).map((a) => a.coderId);
  const [gold, marks] = await Promise.all([goldOf(d, round.goldSessionId), marksOf(d, round.session.id, submitted)]);
  return calibrationFigures({ codebook, intervals: round.session.intervals.length, gold, trainees: submitted.map((id) => ({ id, marks: marks.get(id)! })) }, criteria);
}

async function codebookOf(d: Database, round: Round): Promise<Codebook> {
  const version = round.session.codebookVersionId ? await codebookVersionById(d, round.session.codebookVersionId) : null;
  if (!version) throw new DomainError('not-found', 'error.notFound');
  return version.codebook;
}

function hideGold(cells: CellSpread[], codebook: Codebook): BoardCell[] {
  // Without the gold, the order must not depend on it either (offGold breaks ties otherwise).
  const order = new Map(flattenBehaviours(codebook).map((f, i) => [f.behaviour.key, i]));
  return cells
    .map((c) => ({ ...c, gold: null, offGold: null }))
    .sort((a, b) => b.split - a.split || order.get(a.behaviourKey)! - order.get(b.behaviourKey)! || a.interval - b.interval);
}

/**
 * A trainee's figures without what would give the gold away when the trainer keeps it
 * hidden: the gold ratings, and the per-behaviour figures (none over and none under on a
 * behaviour means the gold equals the trainee's own marks there). Overall and per aspect stay.
 */
function withoutGold(f: TraineeFigures): TraineeFigures {
  return { ...f, behaviours: [], ratings: f.ratings.map((r) => ({ ...r, gold: null })) };
}

export async function roundReport(d: Database, actor: Actor, projectId: string, roundId: string): Promise<RoundReport> {
  const round = await getRound(d, projectId, roundId);
  if (!round) throw new DomainError('not-found', 'error.notFound');
  const decision = decideRoundView(actor, { revealed: round.revealed, assignedCoderIds: round.trainees.map((a) => a.coderId), showGold: round.showGold, showNames: round.showNames });
  enforce(decision);
  if (!decision.allowed) throw new DomainError('forbidden', 'error.forbidden');
  const { view } = decision;
  const criteria = criteriaOf(await getProjectSettings(d, projectId));
  const codebook = await codebookOf(d, round);
  const inRound = round.trainees.some((x) => x.coderId === actor.userId);
  // A trainee who may not see the others by name gets neither their names nor their ids.
  const participants = round.trainees.map((a, i) => {
    const named = view.everyone || a.coderId === actor.userId || !inRound;
    return { coderId: named ? a.coderId : `trainee-${i + 1}`, name: named ? a.name : null, submitted: a.submitted, self: a.coderId === actor.userId };
  });
  // The round goes out with the same stand-ins, so nothing that serialises it names anyone.
  const shown: Round = { ...round, trainees: round.trainees.map((a, i) => ({ ...a, coderId: participants[i]!.coderId, name: participants[i]!.name ?? '' })) };
  if (!round.revealed || !(view.spread || view.own)) return { round: shown, view, criteria, codebook, participants, board: null, trainees: [] };
  const figures = await figuresOf(d, round, codebook, criteria);
  const trainees = view.everyone ? figures.trainees : figures.trainees.filter((f) => view.own && f.traineeId === actor.userId);
  return {
    round: shown,
    view,
    criteria,
    codebook,
    participants,
    board: view.spread ? { cells: view.gold ? figures.cells : hideGold(figures.cells, codebook), group: figures.group } : null,
    trainees: view.gold ? trainees : trainees.map(withoutGold),
  };
}

export interface TrendPoint {
  roundId: string;
  label: string;
  revealedAt: Date | null;
  figures: TraineeFigures;
}

type RoundPoints = { round: Round; point: TrendPoint }[];

/**
 * The figures of every revealed round, computed once and shared by the functions below: a
 * page that shows trends, statuses and drift passes one source to all three.
 */
export interface CalibrationSource {
  points(): Promise<RoundPoints>;
}

export function calibrationSource(d: Database, projectId: string, onlyRoundsOf?: string): CalibrationSource {
  let pending: Promise<RoundPoints> | null = null;
  return { points: () => (pending ??= allTrends(d, projectId, onlyRoundsOf)) };
}

/**
 * Every member's figures across the revealed rounds they submitted, oldest first, unfiltered;
 * only the rounds `onlyRoundsOf` took part in, when given (one coder's drift needs no others).
 */
async function allTrends(d: Database, projectId: string, onlyRoundsOf?: string): Promise<RoundPoints> {
  const rounds = (await listRounds(d, projectId)).filter((r) => r.revealed && (!onlyRoundsOf || r.trainees.some((a) => a.coderId === onlyRoundsOf)));
  const criteria = criteriaOf(await getProjectSettings(d, projectId));
  const revealedAt = await revealTimes(d, rounds.map((r) => r.session.id));
  const out: { round: Round; point: TrendPoint }[] = [];
  for (const round of rounds) {
    const figures = await figuresOf(d, round, await codebookOf(d, round), criteria);
    for (const f of figures.trainees) out.push({ round, point: { roundId: round.id, label: round.session.label, revealedAt: revealedAt.get(round.session.id) ?? null, figures: f } });
  }
  return out.sort((a, b) => (a.point.revealedAt?.getTime() ?? 0) - (b.point.revealedAt?.getTime() ?? 0));
}

function byMember(points: TrendPoint[]): Map<string, TrendPoint[]> {
  const out = new Map<string, TrendPoint[]>();
  for (const p of points) out.set(p.figures.traineeId, [...(out.get(p.figures.traineeId) ?? []), p]);
  return out;
}

/**
 * Each member's figures across the revealed rounds they submitted, oldest first, as far as
 * decideRoundView lets the actor see them: a trainee their own; trainers, owners and
 * supervisors everyone's.
 */
export async function calibrationTrends(d: Database, actor: Actor, projectId: string, source = calibrationSource(d, projectId)): Promise<Map<string, TrendPoint[]>> {
  const visible: TrendPoint[] = [];
  for (const { round, point } of await source.points()) {
    const decision = decideRoundView(actor, { revealed: true, assignedCoderIds: round.trainees.map((a) => a.coderId), showGold: round.showGold, showNames: round.showNames });
    if (!decision.allowed) continue;
    if (!decision.view.everyone && !(decision.view.own && point.figures.traineeId === actor.userId)) continue;
    visible.push(decision.view.gold ? point : { ...point, figures: withoutGold(point.figures) });
  }
  return byMember(visible);
}

async function revealTimes(d: Database, sessionIds: string[]): Promise<Map<string, Date | null>> {
  if (sessionIds.length === 0) return new Map();
  const { t } = d;
  const rows = await d.db.select({ id: t.sessions.id, revealedAt: t.sessions.revealedAt }).from(t.sessions).where(inArray(t.sessions.id, sessionIds));
  return new Map(rows.map((r) => [r.id, r.revealedAt]));
}

export interface CalibrationStatus {
  calibrated: boolean;
  /** The project's criteria the verdict was made against. */
  criteria: CalibrationCriteria;
  /** The latest revealed round the member submitted, with its verdict. */
  latest: TrendPoint | null;
}

/**
 * Who is calibrated: a member whose latest revealed round meets the project's criteria.
 * Shown to whoever assigns coders (owners) and runs training (trainers); not a blind figure.
 */
export async function calibrationStatuses(d: Database, projectId: string, source = calibrationSource(d, projectId)): Promise<Map<string, CalibrationStatus>> {
  const trends = byMember((await source.points()).map((x) => x.point));
  const criteria = criteriaOf(await getProjectSettings(d, projectId));
  return new Map(
    [...trends].map(([id, points]) => {
      const latest = points.at(-1) ?? null;
      return [id, { calibrated: !!latest?.figures.pass.overall, criteria, latest }];
    }),
  );
}

export interface DriftReport {
  criteria: CalibrationCriteria;
  coders: (CoderDrift & { name: string })[];
}

/**
 * Research coders' agreement over time: with each partner on every revealed research session,
 * and with gold on every revealed calibration round they took. The actor sees the coders
 * decideDriftRead allows (a coder only themself); `only` narrows it to one coder.
 */
export async function projectDrift(d: Database, actor: Actor, projectId: string, { source, only }: { source?: CalibrationSource; only?: { coderId: string } } = {}): Promise<DriftReport> {
  const { t } = d;
  const criteria = criteriaOf(await getProjectSettings(d, projectId));
  const members = (await listMembers(d, projectId)).filter((m) => m.roles.includes('coder') && (!only || m.userId === only.coderId) && decideDriftRead(actor, m.userId).allowed);
  const coderIds = new Set(members.map((m) => m.userId));
  const observations = new Map<string, DriftObservation[]>([...coderIds].map((id) => [id, []]));
  if (coderIds.size === 0) return { criteria, coders: [] };
  const sessions = await d.db
    .select({ id: t.sessions.id, label: t.sessions.label, revealedAt: t.sessions.revealedAt, codebookVersionId: t.sessions.codebookVersionId, durationSeconds: t.sessions.durationSeconds, intervalSeconds: t.sessions.intervalSeconds })
    .from(t.sessions)
    .where(and(eq(t.sessions.projectId, projectId), eq(t.sessions.purpose, 'research'), ne(t.sessions.status, 'coding')));
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  const universe = new Map<string, string[]>();
  for (const s of sessions) {
    const coders = (assignments.get(s.id) ?? []).filter((a) => a.submitted).map((a) => a.coderId);
    if (coders.length < 2 || !coders.some((c) => coderIds.has(c)) || !s.codebookVersionId) continue;
    const cells = await cellsOf(d, universe, s.codebookVersionId, Math.ceil(s.durationSeconds / s.intervalSeconds));
    const marks = await marksOf(d, s.id, coders);
    for (const coder of coders.filter((c) => coderIds.has(c))) {
      for (const partner of coders.filter((c) => c !== coder)) {
        observations.get(coder)!.push(pairObservation({ at: s.revealedAt ?? new Date(0), sessionId: s.id, label: s.label, kind: 'partner', coder: marks.get(coder)!.marked, reference: marks.get(partner)!.marked, cells }));
      }
    }
  }
  const rounds = source ?? calibrationSource(d, projectId, only?.coderId);
  for (const [coderId, points] of byMember((await rounds.points()).map((x) => x.point))) {
    for (const p of points) {
      observations.get(coderId)?.push({ at: p.revealedAt ?? new Date(0), sessionId: p.roundId, label: p.label, kind: 'gold', figures: p.figures.overall });
    }
  }
  const coders = members.map((m) => ({ ...coderDrift(m.userId, observations.get(m.userId)!, criteria), name: m.name })).filter((c) => c.observations.length > 0);
  return { criteria, coders };
}

async function cellsOf(d: Database, cache: Map<string, string[]>, versionId: string, intervals: number): Promise<string[]> {
  const key = `${versionId}|${intervals}`;
  let cells = cache.get(key);
  if (!cells) {
    const version = await codebookVersionById(d, versionId);
    cells = version ? flattenBehaviours(version.codebook).flatMap(({ behaviour }) => Array.from({ length: intervals }, (_, i) => cellKey(behaviour.key, i))) : [];
    cache.set(key, cells);
  }
  return cells;
}
