/*
 * Submitting a blind tally: it freezes, the reveal happens (audited) when every coder has
 * submitted, an owner may reopen a submitted tally before the reveal, and submits racing
 * writes never lose or sneak in a mark.
 * Starts from the demo project (lib/demo/seed.ts); runs on SQLite and on PostgreSQL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/audit';
import { DomainError } from '@/lib/errors/domain-error';
import { getSession } from '@/lib/sessions/sessions';
import { reopenTally, submitTally, writeTally } from '@/lib/tally/tallies';
import { rejectionOf } from './support/errors';
import { SECRET_NOTE, T0, useTallyFixture } from './support/tally-fixture';

const fx = useTallyFixture();
const { d, people, actor, ctxOf, newSession, cell, write, read, submit, storedCells, sorted, expectBareRefusal } = fx;

describe('submit, freeze and reveal', () => {
  let sessionId: string;
  let frozen: Awaited<ReturnType<typeof storedCells>>;
  beforeAll(async () => {
    sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0), cell(1, 4, 1, T0, SECRET_NOTE, [300.5])]);
    await write('coderB', sessionId, [cell(0, 1)]);
  });

  it('coder A submits; the session is not yet revealed', async () => {
    expect(await submit('coderA', sessionId)).toEqual({ revealed: false, finalized: false });
    frozen = await storedCells(sessionId, 'coderA');
    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(true);
    expect((await getSession(d(), fx.projectId, sessionId))!.status).toBe('coding');
  });

  it("A's further writes are refused ('tally.submitted') and the stored rows do not change", async () => {
    for (const cells of [[cell(0, 0, 0, T0 + 99_999)], [cell(3, 3, 1, T0 + 99_999)]]) {
      const e = await rejectionOf(write('coderA', sessionId, cells));
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('conflict');
      expect((e as DomainError).key).toBe('tally.submitted');
    }
    expect(await storedCells(sessionId, 'coderA')).toEqual(frozen);
  });

  it('a write with a context loaded before the submit is refused inside the transaction too', async () => {
    const s = await newSession();
    await write('coderA', s, [cell(0, 0)]);
    const staleCtx = await ctxOf(s);
    await submit('coderA', s);
    const e = await rejectionOf(writeTally(d(), await actor('coderA'), staleCtx, { cells: [cell(0, 0, 0, T0 + 5), cell(4, 4)] }));
    expect((e as DomainError).key).toBe('tally.submitted');
    expect(await storedCells(s, 'coderA')).toEqual([cell(0, 0)]);
  });

  it('submitting twice is refused', async () => {
    expect(((await rejectionOf(submit('coderA', sessionId))) as DomainError).key).toBe('tally.submitted');
  });

  it("the partner and the supervisor still cannot read A's submitted tally before B submits", async () => {
    expectBareRefusal(await rejectionOf(read('coderB', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('supervisor', sessionId, 'coderA')), 'forbidden');
  });

  it("B's submit reveals the session, with a 'session.revealed' audit event", async () => {
    expect(await submit('coderB', sessionId)).toEqual({ revealed: true, finalized: false });
    expect((await getSession(d(), fx.projectId, sessionId))!.status).toBe('revealed');
    const events = (await listAudit(d(), fx.projectId)).filter((e) => e.kind === 'session.revealed' && e.subject === sessionId);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorName).toBe(people.coderB.name);
    expect(events[0]!.detail.coders).toEqual(expect.arrayContaining([people.coderA.id, people.coderB.id]));
    expect(JSON.stringify(events[0])).not.toContain(SECRET_NOTE);
  });

  it("after the reveal B, the supervisor and the owner read A's tally, notes and moments included", async () => {
    for (const who of ['coderB', 'supervisor', 'owner'] as const) {
      const tally = await read(who, sessionId, 'coderA');
      expect(tally.submitted, who).toBe(true);
      expect(sorted(tally.cells), who).toEqual(sorted([cell(0, 0), cell(1, 4, 1, T0, SECRET_NOTE, [300.5])]));
    }
    expect(sorted((await read('coderA', sessionId, 'coderB')).cells)).toEqual([cell(0, 1)]);
  });

  it("after the reveal the trainer and a coder not assigned to the session still cannot; a non-member gets 404", async () => {
    expectBareRefusal(await rejectionOf(read('trainer', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('coderC', sessionId, 'coderA')), 'forbidden');
    expectBareRefusal(await rejectionOf(read('outsider', sessionId, 'coderA')), 'not-found');
  });

  it('after the reveal nobody writes, and the owner cannot reopen', async () => {
    for (const who of ['coderA', 'coderB'] as const) {
      expect(((await rejectionOf(write(who, sessionId, [cell(9, 9)]))) as DomainError).kind).toBe('conflict');
    }
    const e = await rejectionOf(reopenTally(d(), await actor('owner'), await ctxOf(sessionId), people.coderA.id));
    expect((e as DomainError).key).toBe('tally.alreadyRevealed');
    expect(await storedCells(sessionId, 'coderA')).toEqual(frozen);
  });
});

describe('reopening a submitted tally before the reveal', () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0)]);
    await submit('coderA', sessionId);
  });

  it('a coder (even the tally\'s own), the supervisor and the trainer cannot reopen (403); a non-member gets 404', async () => {
    for (const who of ['coderA', 'coderB', 'supervisor', 'trainer'] as const) {
      const e = await rejectionOf(reopenTally(d(), await actor(who), await ctxOf(sessionId), people.coderA.id));
      expect((e as DomainError).kind, who).toBe('forbidden');
    }
    expect(((await rejectionOf(reopenTally(d(), await actor('outsider'), await ctxOf(sessionId), people.coderA.id))) as DomainError).kind).toBe('not-found');
    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(true);
    expect((await listAudit(d(), fx.projectId)).filter((e) => e.kind === 'tally.reopened' && e.subject === sessionId)).toEqual([]);
  });

  it('the owner reopens it, audited; A can write again, and the reveal still waits for both', async () => {
    await reopenTally(d(), await actor('owner'), await ctxOf(sessionId), people.coderA.id);
    const events = (await listAudit(d(), fx.projectId)).filter((e) => e.kind === 'tally.reopened' && e.subject === sessionId);
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toEqual({ coderId: people.coderA.id });
    expect(events[0]!.actorName).toBe(people.owner.name);

    expect((await read('coderA', sessionId, 'coderA')).submitted).toBe(false);
    expect(await write('coderA', sessionId, [cell(0, 0, 0, T0 + 1)])).toEqual({ ok: true, applied: 1 });
    // Reopening reveals nothing to the owner.
    expectBareRefusal(await rejectionOf(read('owner', sessionId, 'coderA')), 'forbidden');

    expect(await submit('coderB', sessionId)).toEqual({ revealed: false, finalized: false });
    expect(await submit('coderA', sessionId)).toEqual({ revealed: true, finalized: false });
    expect((await getSession(d(), fx.projectId, sessionId))!.status).toBe('revealed');
    expect(await storedCells(sessionId, 'coderA')).toEqual([cell(0, 0, 0, T0 + 1)]);
  });
});

describe('concurrency: submits and writes racing each other', () => {
  it('two coders submitting at the same moment reveal the session exactly once', async () => {
    const sessions = await Promise.all(Array.from({ length: 8 }, () => newSession()));
    const outcomes: { revealed: boolean }[][] = [];
    for (const sessionId of sessions) {
      const ctx = await ctxOf(sessionId); // both requests loaded their context before either submitted
      const [a, b] = [await actor('coderA'), await actor('coderB')];
      outcomes.push(await Promise.all([submitTally(d(), a, ctx), submitTally(d(), b, ctx)]));
    }
    const audit = await listAudit(d(), fx.projectId);
    const report = await Promise.all(
      sessions.map(async (sessionId, i) => ({
        status: (await getSession(d(), fx.projectId, sessionId))!.status,
        revealedBy: outcomes[i]!.filter((o) => o.revealed).length,
        events: audit.filter((e) => e.kind === 'session.revealed' && e.subject === sessionId).length,
      })),
    );
    // Both coders have submitted, so every session must be revealed, once, with one audit event.
    expect(report).toEqual(sessions.map(() => ({ status: 'revealed', revealedBy: 1, events: 1 })));
  });

  it('a write racing its coder\'s submit either lands before the submit or is refused: the submitted tally never changes afterwards', async () => {
    const sessionId = await newSession();
    await write('coderA', sessionId, [cell(0, 0)]);
    const ctx = await ctxOf(sessionId);
    const a = await actor('coderA');
    // A large batch (every cell of the grid), so that the write's transaction is still busy when the submit arrives.
    const everything = fx.behaviourKeys.flatMap((_, b) => Array.from({ length: 10 }, (_, i) => cell(b, i, 1, T0 + 1)));
    const writing = writeTally(d(), a, ctx, { cells: everything }).then(
      (r) => ({ ok: r.ok }),
      (e: unknown) => ({ ok: false, key: (e as DomainError).key }),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(await submitTally(d(), a, ctx)).toEqual({ revealed: false, finalized: false });
    const atSubmit = await storedCells(sessionId, 'coderA');
    const outcome = await writing;
    const afterwards = await storedCells(sessionId, 'coderA');
    expect({ outcome, rowsAtSubmit: atSubmit.length, rowsAfterwards: afterwards.length }).toEqual({
      outcome,
      rowsAtSubmit: afterwards.length,
      rowsAfterwards: afterwards.length,
    });
    expect(afterwards.length === 1 ? outcome.ok === false : outcome.ok === true).toBe(true);
  });
});
