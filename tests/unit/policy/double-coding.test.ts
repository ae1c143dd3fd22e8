/*
 * decideCoderListVisible: with double-coding hidden, a plain coder learns nothing of a research
 * session's other coders until it is revealed; the roles that run the study always see them.
 */
import { describe, expect, it } from 'vitest';
import { decideCoderListVisible, type Actor, type CoderListSubject } from '@/lib/policy/policy';
import type { Role } from '@/lib/policy/roles';
import { coderView, submitAnswer } from '@/lib/sessions/coder-view';

const as = (...roles: Role[]): Actor => ({ userId: 'me', roles });
const session = (over: Partial<CoderListSubject> = {}): CoderListSubject => ({ hideDoubleCoding: true, status: 'coding', coderCount: 2, purpose: 'research', ...over });

describe('decideCoderListVisible', () => {
  it('shows everything to everyone while the setting is off', () => {
    for (const roles of [['coder'], ['owner'], ['trainee']] as Role[][]) {
      for (const status of ['coding', 'revealed', 'finalized'] as const) {
        expect(decideCoderListVisible(as(...roles), session({ hideDoubleCoding: false, status, coderCount: 1 }))).toBe(true);
      }
    }
  });

  it('hides the list from a coder while the session is being coded, whatever the number of coders', () => {
    for (const coderCount of [0, 1, 2, 3]) expect(decideCoderListVisible(as('coder'), session({ coderCount }))).toBe(false);
  });

  it('shows a revealed session as usual', () => {
    expect(decideCoderListVisible(as('coder'), session({ status: 'revealed' }))).toBe(true);
    expect(decideCoderListVisible(as('coder'), session({ status: 'finalized', coderCount: 2 }))).toBe(true);
  });

  it('keeps a single-coded session finalized at submit hidden: it never revealed', () => {
    expect(decideCoderListVisible(as('coder'), session({ status: 'finalized', coderCount: 1 }))).toBe(false);
  });

  it('always shows the list to owners, supervisors and trainers, also when they code', () => {
    for (const role of ['owner', 'supervisor', 'trainer'] as Role[]) {
      expect(decideCoderListVisible(as(role), session())).toBe(true);
      expect(decideCoderListVisible(as(role, 'coder'), session({ status: 'finalized', coderCount: 1 }))).toBe(true);
    }
  });

  it('hides nothing on gold recordings and calibration rounds (their own pages decide)', () => {
    expect(decideCoderListVisible(as('coder'), session({ purpose: 'gold' }))).toBe(true);
    expect(decideCoderListVisible(as('trainee'), session({ purpose: 'calibration' }))).toBe(true);
  });

  it('tells a non-member nothing', () => {
    expect(decideCoderListVisible(as(), session({ hideDoubleCoding: false }))).toBe(false);
  });
});

describe('coderView and submitAnswer', () => {
  const me = { coderId: 'me', name: 'Me', submitted: true };
  const partner = { coderId: 'p', name: 'Partner', submitted: false };

  it('leaves only the coder’s own assignment and keeps their session "coding"', () => {
    expect(coderView(as('coder'), true, { status: 'coding', purpose: 'research' }, [me, partner])).toEqual({ coderList: false, assignments: [me], status: 'coding' });
    expect(coderView(as('coder'), true, { status: 'finalized', purpose: 'research' }, [me])).toEqual({ coderList: false, assignments: [me], status: 'coding' });
    expect(coderView(as('coder'), true, { status: 'finalized', purpose: 'research' }, [partner])).toEqual({ coderList: false, assignments: [], status: 'finalized' });
    expect(coderView(as('owner'), true, { status: 'coding', purpose: 'research' }, [me, partner]).assignments).toEqual([me, partner]);
  });

  it('answers a hidden submit the same for a single-coded finalize and a partner still coding', () => {
    expect(submitAnswer(as('coder'), true, { purpose: 'research' }, 1, { revealed: false, finalized: true })).toEqual({ revealed: false });
    expect(submitAnswer(as('coder'), true, { purpose: 'research' }, 2, { revealed: false, finalized: false })).toEqual({ revealed: false });
    expect(submitAnswer(as('coder'), true, { purpose: 'research' }, 2, { revealed: true, finalized: false })).toEqual({ revealed: true, finalized: false });
    expect(submitAnswer(as('coder'), false, { purpose: 'research' }, 1, { revealed: false, finalized: true })).toEqual({ revealed: false, finalized: true });
  });
});
