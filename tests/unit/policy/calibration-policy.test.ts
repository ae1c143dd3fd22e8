import { describe, expect, it } from 'vitest';
import { decideBoardAccess, decideDriftRead, decideRoundView, decideTallyRead, decideTallyWrite, type Actor, type TallySubject } from '@/lib/policy/policy';

const tara: Actor = { userId: 'tara', roles: ['trainee'] };
const timo: Actor = { userId: 'timo', roles: ['trainee'] };
const outsider: Actor = { userId: 'ursula', roles: ['trainee'] };
const tess: Actor = { userId: 'tess', roles: ['trainer'] };
const sam: Actor = { userId: 'sam', roles: ['supervisor'] };
const olivia: Actor = { userId: 'olivia', roles: ['owner'] };
const anna: Actor = { userId: 'anna', roles: ['coder'] };

const roundTally = (revealed: boolean, showNames = false): TallySubject => ({ coderId: 'tara', revealed, assignedCoderIds: ['tara', 'timo', 'anna'], purpose: 'calibration', showNames });

describe('a trainee’s tally in a calibration round', () => {
  it('before reveal nobody but the trainee reads it: not a fellow trainee, the trainer, a supervisor or the owner', () => {
    expect(decideTallyRead(tara, roundTally(false)).allowed).toBe(true);
    for (const actor of [timo, tess, sam, olivia, anna]) expect(decideTallyRead(actor, roundTally(false))).toEqual({ allowed: false, status: 403 });
  });

  it('after reveal a fellow trainee still cannot read it by name unless the trainer chose to show names', () => {
    expect(decideTallyRead(timo, roundTally(true, false))).toEqual({ allowed: false, status: 403 });
    expect(decideTallyRead(timo, roundTally(true, true)).allowed).toBe(true);
  });

  it('after reveal the trainer, supervisors and owners read it; a trainee outside the round never does', () => {
    for (const actor of [tess, sam, olivia]) expect(decideTallyRead(actor, roundTally(true)).allowed).toBe(true);
    expect(decideTallyRead(outsider, roundTally(true, true)).allowed).toBe(false);
  });

  it('a research coder taking the round reads others only like a trainee does', () => {
    expect(decideTallyRead(anna, roundTally(true, false)).allowed).toBe(false);
    expect(decideTallyRead(anna, roundTally(true, true)).allowed).toBe(true);
  });
});

describe('writing tallies by purpose', () => {
  const write = (purpose: TallySubject['purpose'], coderId: string, extra: Partial<{ revealed: boolean; submitted: boolean }> = {}) => ({
    coderId,
    revealed: false,
    submitted: false,
    assignedCoderIds: [coderId],
    purpose,
    ...extra,
  });

  it('a trainee tallies a round they are assigned to, but never a research session', () => {
    expect(decideTallyWrite(tara, write('calibration', 'tara')).allowed).toBe(true);
    expect(decideTallyWrite(tara, write('research', 'tara'))).toEqual({ allowed: false, status: 403 });
  });

  it('a trainer tallies a gold recording, not a research session', () => {
    expect(decideTallyWrite(tess, write('gold', 'tess')).allowed).toBe(true);
    expect(decideTallyWrite(tess, write('research', 'tess')).allowed).toBe(false);
  });

  it('nobody writes after reveal, even without having submitted', () => {
    expect(decideTallyWrite(tara, write('calibration', 'tara', { revealed: true }))).toEqual({ allowed: false, status: 403 });
  });
});

describe('a round as each member sees it', () => {
  const round = (revealed: boolean, showGold = false, showNames = false) => ({ revealed, assignedCoderIds: ['tara', 'timo'], showGold, showNames });
  const view = (actor: Actor, r: ReturnType<typeof round>) => {
    const d = decideRoundView(actor, r);
    return d.allowed ? d.view : d.status;
  };

  it('before reveal a trainee sees progress only: no spread, no gold, nobody else', () => {
    expect(view(tara, round(false, true, true))).toEqual({ progress: true, spread: false, gold: false, everyone: false, own: false });
  });

  it('after reveal a trainee sees the spread and their own figures; gold and names only when shown', () => {
    expect(view(tara, round(true))).toEqual({ progress: true, spread: true, gold: false, everyone: false, own: true });
    expect(view(tara, round(true, true, true))).toEqual({ progress: true, spread: true, gold: true, everyone: true, own: true });
  });

  it('the trainer sees the gold at any time and everyone after reveal; a supervisor nothing but progress before', () => {
    expect(view(tess, round(false))).toEqual({ progress: true, spread: false, gold: true, everyone: false, own: false });
    expect(view(tess, round(true))).toMatchObject({ spread: true, everyone: true });
    expect(view(sam, round(false))).toEqual({ progress: true, spread: false, gold: false, everyone: false, own: false });
  });

  it('a trainee or coder outside the round is refused, a non-member gets 404', () => {
    expect(view(outsider, round(true, true, true))).toBe(403);
    expect(view(anna, round(true, true, true))).toBe(403);
    expect(view({ userId: 'x', roles: [] }, round(true))).toBe(404);
  });
});

describe('boards and drift', () => {
  it('a round’s discussion board opens at reveal: its trainees and the trainer write, a supervisor reads, others stay out', () => {
    const round = (status: 'coding' | 'revealed') => ({ status, assignedCoderIds: ['tara', 'timo'], purpose: 'calibration' as const });
    for (const actor of [tara, tess, sam]) expect(decideBoardAccess(actor, round('coding'))).toEqual({ allowed: false, status: 403 });
    expect(decideBoardAccess(tara, round('revealed'))).toEqual({ allowed: true, mode: 'write' });
    expect(decideBoardAccess(tess, round('revealed'))).toEqual({ allowed: true, mode: 'write' });
    expect(decideBoardAccess(sam, round('revealed'))).toEqual({ allowed: true, mode: 'read' });
    expect(decideBoardAccess(outsider, round('revealed'))).toEqual({ allowed: false, status: 403 });
    expect(decideBoardAccess(anna, round('revealed'))).toEqual({ allowed: false, status: 403 });
  });

  it('on a gold recording the coding trainer edits the board and other trainers watch', () => {
    expect(decideBoardAccess(tess, { status: 'revealed', assignedCoderIds: ['tess', 'anna'], purpose: 'gold' })).toEqual({ allowed: true, mode: 'write' });
    expect(decideBoardAccess({ userId: 'tom', roles: ['trainer'] }, { status: 'revealed', assignedCoderIds: ['tess', 'anna'], purpose: 'gold' })).toEqual({ allowed: true, mode: 'read' });
    expect(decideBoardAccess(tara, { status: 'finalized', assignedCoderIds: ['tess', 'anna'], purpose: 'gold' }).allowed).toBe(false);
  });

  it('a coder reads their own drift only; trainers and supervisors read everyone’s', () => {
    expect(decideDriftRead(anna, 'anna').allowed).toBe(true);
    expect(decideDriftRead(anna, 'bram')).toEqual({ allowed: false, status: 403 });
    expect(decideDriftRead(tess, 'bram').allowed).toBe(true);
    expect(decideDriftRead(sam, 'bram').allowed).toBe(true);
    expect(decideDriftRead(tara, 'bram').allowed).toBe(false);
  });
});
