import { describe, expect, it } from 'vitest';
import { decide, decideBoardAccess, decideTallyRead, decideTallyWrite, PROJECT_ACTIONS, type Actor, type ProjectAction } from '@/lib/policy/policy';
import type { Role } from '@/lib/policy/roles';

const as = (...roles: Role[]): Actor => ({ userId: 'me', roles });

/**
 * The expected answer for every role × action, written out by hand (not derived from the
 * policy's own table), so a change in the policy must be a deliberate change here too.
 * A = allowed, F = 403. Non-members always get 404.
 */
const EXPECTED: Record<ProjectAction, Record<Role, 'A' | 'F'>> = {
  'project.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'A' },
  'project.edit': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'F', trainee: 'F' },
  'members.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'members.manage': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'F', trainee: 'F' },
  'cases.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'cases.manage': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'F', trainee: 'F' },
  'sessions.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'sessions.manage': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'F', trainee: 'F' },
  'sessions.assign': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'F', trainee: 'F' },
  'codebook.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'A' },
  'codebook.edit': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'A', trainee: 'F' },
  'progress.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'statistics.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'results.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'F' },
  'review.view': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'A', trainee: 'F' },
  'review.comment': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'A', trainee: 'F' },
  'audit.view': { owner: 'A', coder: 'F', trainer: 'F', supervisor: 'A', trainee: 'F' },
  'calibration.view': { owner: 'A', coder: 'A', trainer: 'A', supervisor: 'A', trainee: 'A' },
  'calibration.manage': { owner: 'A', coder: 'F', trainer: 'A', supervisor: 'F', trainee: 'F' },
  'drift.view': { owner: 'A', coder: 'F', trainer: 'A', supervisor: 'A', trainee: 'F' },
};

describe('project actions: every role × action', () => {
  it('covers every action the policy knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PROJECT_ACTIONS].sort());
  });

  for (const action of PROJECT_ACTIONS) {
    it(`a non-member gets 404 for ${action}`, () => {
      expect(decide(as(), action)).toEqual({ allowed: false, status: 404 });
    });
    for (const [role, answer] of Object.entries(EXPECTED[action]) as [Role, 'A' | 'F'][]) {
      it(`a ${role} is ${answer === 'A' ? 'allowed' : 'refused with 403'} ${action}`, () => {
        expect(decide(as(role), action)).toEqual(answer === 'A' ? { allowed: true } : { allowed: false, status: 403 });
      });
    }
  }

  it('a member with several roles gets the union of their rights', () => {
    expect(decide(as('coder', 'supervisor'), 'audit.view').allowed).toBe(true);
    expect(decide(as('coder', 'trainer'), 'audit.view').allowed).toBe(false);
  });
});

describe('reading a coder’s tally is blind until reveal', () => {
  const tally = (revealed: boolean) => ({ coderId: 'anna', revealed, assignedCoderIds: ['anna', 'bram'], purpose: 'research' as const });
  const readers: [string, Actor][] = [
    ['the partner', { userId: 'bram', roles: ['coder'] }],
    ['a supervisor', { userId: 'sam', roles: ['supervisor'] }],
    ['a trainer', { userId: 'tess', roles: ['trainer'] }],
    ['the owner', { userId: 'olivia', roles: ['owner'] }],
    ['an unassigned coder', { userId: 'carl', roles: ['coder'] }],
  ];

  it('the coder always reads their own tally', () => {
    expect(decideTallyRead({ userId: 'anna', roles: ['coder'] }, tally(false)).allowed).toBe(true);
  });

  for (const [who, actor] of readers) {
    it(`${who} cannot read it before reveal`, () => {
      expect(decideTallyRead(actor, tally(false))).toEqual({ allowed: false, status: 403 });
    });
  }

  it('after reveal the partner, supervisors and owners read it; trainers and unassigned coders do not', () => {
    const allowed = readers.map(([who, actor]) => [who, decideTallyRead(actor, tally(true)).allowed]);
    expect(Object.fromEntries(allowed)).toEqual({ 'the partner': true, 'a supervisor': true, 'a trainer': false, 'the owner': true, 'an unassigned coder': false });
  });

  it('a non-member gets 404 even after reveal', () => {
    expect(decideTallyRead({ userId: 'x', roles: [] }, tally(true))).toEqual({ allowed: false, status: 404 });
  });
});

describe('writing a tally', () => {
  const subject = { coderId: 'anna', revealed: false, assignedCoderIds: ['anna', 'bram'], purpose: 'research' as const, submitted: false };
  it('only the assigned coder writes, and only before submitting', () => {
    expect(decideTallyWrite({ userId: 'anna', roles: ['coder'] }, subject).allowed).toBe(true);
    expect(decideTallyWrite({ userId: 'anna', roles: ['coder'] }, { ...subject, submitted: true }).allowed).toBe(false);
    expect(decideTallyWrite({ userId: 'bram', roles: ['coder'] }, subject).allowed).toBe(false);
    expect(decideTallyWrite({ userId: 'olivia', roles: ['owner'] }, subject).allowed).toBe(false);
  });
});

describe('opening a reconciliation board', () => {
  const board = (status: 'coding' | 'revealed' | 'finalized') => ({ status, assignedCoderIds: ['anna', 'bram'], purpose: 'research' as const });
  const people: [string, Actor][] = [
    ['an assigned coder', { userId: 'anna', roles: ['coder'] }],
    ['an unassigned coder', { userId: 'carl', roles: ['coder'] }],
    ['a supervisor', { userId: 'sam', roles: ['supervisor'] }],
    ['the owner', { userId: 'olivia', roles: ['owner'] }],
    ['a trainer', { userId: 'tess', roles: ['trainer'] }],
  ];
  const expected: Record<string, Record<'coding' | 'revealed' | 'finalized', string>> = {
    'an assigned coder': { coding: '403', revealed: 'write', finalized: 'read' },
    'an unassigned coder': { coding: '403', revealed: '403', finalized: '403' },
    'a supervisor': { coding: '403', revealed: 'read', finalized: 'read' },
    'the owner': { coding: '403', revealed: 'read', finalized: 'read' },
    'a trainer': { coding: '403', revealed: '403', finalized: '403' },
  };
  for (const [who, actor] of people) {
    for (const status of ['coding', 'revealed', 'finalized'] as const) {
      it(`${who} on a ${status} board: ${expected[who]![status]}`, () => {
        const d = decideBoardAccess(actor, board(status));
        expect(d.allowed ? d.mode : String(d.status)).toBe(expected[who]![status]);
      });
    }
  }
  it('a non-member gets 404', () => {
    expect(decideBoardAccess({ userId: 'x', roles: [] }, board('revealed'))).toEqual({ allowed: false, status: 404 });
  });
});
