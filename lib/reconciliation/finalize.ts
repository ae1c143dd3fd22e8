/*
 * Finalize: turns a settled board into the session's consensus list (rows) and freezes it.
 * The board document's state is read on the server; the rules are those of cells.ts.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/lib/db';
import { recordAudit } from '@/lib/audit/audit';
import { flattenBehaviours } from '@/lib/codebook/model';
import { DomainError } from '@/lib/errors/domain-error';
import { enforce } from '@/lib/policy/enforce';
import { decideBoardAccess, type Actor } from '@/lib/policy/policy';
import { boardSubject, type TallyContext } from '@/lib/tally/access';
import { cellKey, type Mark } from '@/lib/tally/model';
import { readTally, type Tally } from '@/lib/tally/tallies';
import { BoardDoc, rationaleText } from './board-doc';
import { canFinalize, cellStatus, type CellStatus } from './cells';

export interface BoardState {
  cells: { behaviourKey: string; interval: number; status: CellStatus; value: Mark | null }[];
  ratings: { scaleKey: string; value: number | null; settled: boolean }[];
  signedOff: string[];
}

/** The state of every cell and rating of a board, from both tallies and the shared document. */
export function boardState(ctx: TallyContext, tallies: Tally[], board: BoardDoc): BoardState {
  const coders = tallies.map((t) => t.coderId);
  const marks = tallies.map((t) => new Map(t.cells.map((c) => [cellKey(c.behaviourKey, c.interval), c.value])));
  const cells: BoardState['cells'] = [];
  for (const { behaviour } of flattenBehaviours(ctx.codebook)) {
    for (let i = 0; i < ctx.session.intervals.length; i++) {
      const key = cellKey(behaviour.key, i);
      const { status, value } = cellStatus(
        marks.map((m) => m.get(key) ?? 0),
        board.reopenedCells.has(key),
        coders.map((c) => board.proposal(key, c)?.value),
      );
      cells.push({ behaviourKey: behaviour.key, interval: i, status, value });
    }
  }
  const ratings = ctx.codebook.ratingScales.map((scale) => {
    const independent = tallies.map((t) => t.ratings.find((r) => r.scaleKey === scale.key)?.value ?? null);
    const onBoard = coders.map((c) => board.ratingValues.get(`${scale.key}|${c}`));
    const values = onBoard.every((v) => v !== undefined) ? onBoard : independent;
    const settled = values.every((v) => v === values[0]);
    return { scaleKey: scale.key, value: settled ? (values[0] ?? null) : null, settled };
  });
  return { cells, ratings, signedOff: coders.filter((c) => board.signoffs.has(c)) };
}

export async function finalizeBoard(d: Database, actor: Actor, ctx: TallyContext, docState: Uint8Array): Promise<void> {
  const decision = decideBoardAccess(actor, boardSubject(ctx));
  enforce(decision);
  if (!decision.allowed || decision.mode !== 'write') throw new DomainError('conflict', 'board.readOnly');
  const tallies = await Promise.all(ctx.assignments.map((a) => readTally(d, actor, ctx, a.coderId)));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, docState);
  const board = new BoardDoc(doc);
  const state = boardState(ctx, tallies, board);
  if (!canFinalize(state.cells.map((c) => c.status), state.ratings.every((r) => r.settled), state.signedOff.length, tallies.length)) {
    throw new DomainError('conflict', 'board.notReady');
  }
  const { t } = d;
  const now = new Date();
  const touched = new Set(board.history.toArray().map((h) => h.cell));
  const notes: Record<string, { unclear: string[]; comments: unknown[] }> = {};
  for (const cell of touched) {
    const unclear = tallies.map((tl) => tl.coderId).filter((c) => board.isUnclear(cell, c));
    const comments = board.comments(cell).toArray();
    if (unclear.length || comments.length) notes[cell] = { unclear, comments };
  }
  await d.transaction(async (tx) => {
    const [current] = await tx.select({ status: t.sessions.status }).from(t.sessions).where(eq(t.sessions.id, ctx.session.id));
    if (current?.status !== 'revealed') throw new DomainError('conflict', 'board.readOnly');
    await tx.delete(t.consensusCells).where(eq(t.consensusCells.sessionId, ctx.session.id));
    await tx.insert(t.consensusCells).values(
      state.cells.map((c) => ({
        sessionId: ctx.session.id,
        behaviourKey: c.behaviourKey,
        interval: c.interval,
        value: c.value ?? 0,
        rationale: rationaleText(board.rationale(cellKey(c.behaviourKey, c.interval))),
      })),
    );
    if (state.ratings.length) {
      await tx.delete(t.consensusRatings).where(eq(t.consensusRatings.sessionId, ctx.session.id));
      await tx.insert(t.consensusRatings).values(state.ratings.map((r) => ({ sessionId: ctx.session.id, scaleKey: r.scaleKey, value: r.value })));
    }
    await tx.insert(t.boardArchives).values({ sessionId: ctx.session.id, history: JSON.stringify(board.history.toArray()), notes: JSON.stringify(notes), finalizedBy: actor.userId, at: now });
    await tx.update(t.sessions).set({ status: 'finalized', finalizedAt: now }).where(eq(t.sessions.id, ctx.session.id));
    await recordAudit(tx, t, { projectId: ctx.session.projectId, actorId: actor.userId, kind: 'session.finalized', subject: ctx.session.id, detail: { cells: state.cells.length } });
  });
}
