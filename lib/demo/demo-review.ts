/*
 * Reconciliation notes for the demo, so that the review desk has something to show: the
 * finalized demo session gets rationales, a board history and notes (comments, "definition
 * unclear" flags) as a finalized board would have left them; the revealed one gets a live
 * board mid-way through reconciliation (settled cells with rationales, open ones, a conflict).
 * Deterministic, and idempotent: a session that already has an archive or a board is left alone.
 * To be called from seed.ts after the demo sessions are seeded: seedDemoReview always;
 * seedDemoLiveBoard once the realtime suites no longer count every key of the revealed demo
 * board's proposals (realtime-fuzz.test.ts compares the map's size with its own edits).
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '@/lib/db';
import { flattenBehaviours, type Codebook } from '@/lib/codebook/model';
import { codebookVersionById } from '@/lib/codebook/repository';
import { actorIn } from '@/lib/projects/projects';
import { DocStore } from '@/lib/realtime/doc-store';
import { boardRoom, parseRoom } from '@/lib/realtime/room-access';
import { BoardDoc, type Comment, type HistoryEntry } from '@/lib/reconciliation/board-doc';
import { listAssignments, listSessions, type Session } from '@/lib/sessions/sessions';
import { cellKey, type Mark } from '@/lib/tally/model';
import { readTally } from '@/lib/tally/tallies';

const REASONS = [
  'Watched it again together: it matches the definition, not only the example.',
  'The remark was brief but clearly addressed to the mother, so it counts.',
  'Reassurance or advice? We read it as advice, so it does not count here.',
  'It happened in the last seconds of this frame; the next frame only shows the reaction.',
  'The father made the joke, not the worker: does not count.',
  'Definition unclear about small talk "beyond the topic"; we counted the talk about the dog.',
];
const COMMENTS: [number, string][] = [
  [0, 'I saw it at {t}, and rewatched it twice.'],
  [1, 'I missed it: the camera was on the mother.'],
  [0, 'Does the definition cover a nod, or only words?'],
];

const HOUR = 3_600_000;
const minSec = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

interface Cell {
  cell: string;
  marks: Mark[];
  label: string;
  /** Seconds into the recording where the coders placed it. */
  moment: number;
}

interface Coder {
  id: string;
  name: string;
}

async function disagreements(d: Database, projectId: string, session: Session, coders: Coder[], codebook: Codebook): Promise<Cell[]> {
  const owner = (await d.db.select({ id: d.t.projects.createdBy }).from(d.t.projects).where(eq(d.t.projects.id, projectId)))[0]!.id;
  const actor = await actorIn(d, projectId, owner);
  const ctx = { session, codebook, showNames: false, assignments: (await listAssignments(d, [session.id])).get(session.id) ?? [] };
  const tallies = await Promise.all(coders.map((c) => readTally(d, actor, ctx, c.id)));
  const marked = tallies.map((tl) => new Set(tl.cells.filter((c) => c.value === 1).map((c) => cellKey(c.behaviourKey, c.interval))));
  const out: Cell[] = [];
  for (const { behaviour } of flattenBehaviours(codebook)) {
    for (const interval of session.intervals) {
      const cell = cellKey(behaviour.key, interval.index);
      const marks = marked.map((m): Mark => (m.has(cell) ? 1 : 0));
      if (marks[0] !== marks[1]) out.push({ cell, marks, label: behaviour.label.en, moment: interval.startSeconds + ((out.length * 37) % (interval.endSeconds - interval.startSeconds)) });
    }
  }
  return out;
}

const rationaleOf = (c: Cell, n: number) => `${minSec(c.moment)}: ${REASONS[n % REASONS.length]}`;

/** The board's notes for the n-th disagreement, written into a document as coders would have. */
function discuss(doc: Y.Doc, c: Cell, n: number, coders: Coder[], value: Mark | null, start: number): { history: HistoryEntry[]; comments: Comment[]; unclear: string[] } {
  const history: HistoryEntry[] = [];
  const comments: Comment[] = [];
  const board = new BoardDoc(doc);
  let at = start;
  const step = () => (at += 20_000 + ((n * 7919) % 240) * 1000);
  if (n % 3 === 0) {
    for (const [who, text] of COMMENTS.slice(0, 2 + (n % 2))) {
      const coder = coders[who]!;
      comments.push({ id: `${coder.id}-${step()}`, userId: coder.id, name: coder.name, text: text.replace('{t}', minSec(c.moment)), at });
      history.push({ cell: c.cell, userId: coder.id, name: coder.name, action: 'comment', at });
    }
  }
  const unclear = n % 4 === 1 ? [coders[n % 2]!.id] : [];
  for (const id of unclear) history.push({ cell: c.cell, userId: id, name: coders.find((x) => x.id === id)!.name, action: 'flag', at: step() });
  if (value !== null) {
    // The coder whose mark it was signs first; the other follows after the discussion.
    const order = c.marks[0] === value ? coders : [...coders].reverse();
    for (const coder of order) {
      history.push({ cell: c.cell, userId: coder.id, name: coder.name, action: 'propose', value, at: step() });
      board.proposals.set(`${c.cell}|${coder.id}`, { value, at });
    }
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, rationaleOf(c, n));
    p.insert(0, [text]);
    board.rationale(c.cell).insert(0, [p]);
  }
  board.comments(c.cell).push(comments);
  for (const id of unclear) board.unclearFlags.set(`${c.cell}|${id}`, true);
  board.history.push(history);
  return { history, comments, unclear };
}

/** The double-coded sessions of the demo past reveal, with their coders. */
async function reviewable(d: Database, projectId: string, status: 'revealed' | 'finalized') {
  const sessions = (await listSessions(d, projectId)).filter((s) => s.status === status && s.codebookVersionId);
  const assignments = await listAssignments(d, sessions.map((s) => s.id));
  return sessions
    .map((session) => ({ session, coders: (assignments.get(session.id) ?? []).map((a) => ({ id: a.coderId, name: a.name })) }))
    .filter((s) => s.coders.length === 2);
}

/**
 * The finalized demo session as a finalized board leaves it: a rationale on every settled
 * disagreement, the board's history and notes (board_archives). No board document is stored
 * (the realtime suites expect the demo's finalized board to be empty).
 */
export async function seedDemoReview(d: Database, projectId: string, now = Date.now()): Promise<void> {
  const { t } = d;
  for (const { session, coders } of await reviewable(d, projectId, 'finalized')) {
    if ((await d.db.select().from(t.boardArchives).where(eq(t.boardArchives.sessionId, session.id))).length > 0) continue;
    const cells = await disagreements(d, projectId, session, coders, (await codebookVersionById(d, session.codebookVersionId!))!.codebook);
    const consensus = new Map((await d.db.select().from(t.consensusCells).where(eq(t.consensusCells.sessionId, session.id))).map((r) => [cellKey(r.behaviourKey, r.interval), r.value as Mark]));
    const doc = new Y.Doc();
    const history: HistoryEntry[] = [];
    const notes: Record<string, { unclear: string[]; comments: Comment[] }> = {};
    await d.transaction(async (tx) => {
      for (const [n, c] of cells.entries()) {
        const done = discuss(doc, c, n, coders, consensus.get(c.cell) ?? c.marks[0]!, now - 50 * HOUR + n * 6 * 60_000);
        history.push(...done.history);
        if (done.unclear.length || done.comments.length) notes[c.cell] = { unclear: done.unclear, comments: done.comments };
        const at = c.cell.lastIndexOf('@');
        await tx
          .update(t.consensusCells)
          .set({ rationale: rationaleOf(c, n) })
          .where(and(eq(t.consensusCells.sessionId, session.id), eq(t.consensusCells.behaviourKey, c.cell.slice(0, at)), eq(t.consensusCells.interval, Number(c.cell.slice(at + 1)))));
      }
      const finalizedAt = new Date(now - 24 * HOUR);
      await tx.insert(t.boardArchives).values({ sessionId: session.id, history: JSON.stringify(history), notes: JSON.stringify(notes), finalizedBy: coders[0]!.id, at: finalizedAt });
      await tx.update(t.sessions).set({ revealedAt: new Date(now - 72 * HOUR), finalizedAt }).where(eq(t.sessions.id, session.id));
    });
    doc.destroy();
  }
}

/**
 * The revealed demo session's board mid-way through reconciliation: two thirds of the
 * disagreements settled with rationales, then one conflict, one signed by one coder, the
 * rest open. Stored as the board document's first update, for a room nobody has opened yet.
 */
export async function seedDemoLiveBoard(d: Database, projectId: string, now = Date.now()): Promise<void> {
  const store = new DocStore(d);
  for (const { session, coders } of await reviewable(d, projectId, 'revealed')) {
    const docId = parseRoom(boardRoom(session.id))!.docId;
    if ((await store.load(docId)).lastSeq > 0) continue;
    const cells = await disagreements(d, projectId, session, coders, (await codebookVersionById(d, session.codebookVersionId!))!.codebook);
    const doc = new Y.Doc();
    const board = new BoardDoc(doc);
    const settled = Math.floor((cells.length * 2) / 3);
    for (const [n, c] of cells.entries()) {
      if (n < settled) discuss(doc, c, n, coders, c.marks[n % 2]!, now - 5 * HOUR + n * 4 * 60_000);
      else if (n === settled) coders.forEach((coder, i) => board.proposals.set(`${c.cell}|${coder.id}`, { value: c.marks[i]!, at: now - HOUR }));
      else if (n === settled + 1) board.proposals.set(`${c.cell}|${coders[0]!.id}`, { value: c.marks[0]!, at: now - HOUR });
    }
    await store.append(docId, 1, Y.encodeStateAsUpdate(doc));
    await d.transaction((tx) => tx.update(d.t.sessions).set({ revealedAt: new Date(now - 30 * HOUR) }).where(eq(d.t.sessions.id, session.id)));
    doc.destroy();
  }
}
