import { describe, expect, it } from 'vitest';
import { canFinalize, cellStatus } from '@/lib/reconciliation/cells';

describe('the status of a board cell', () => {
  it('an agreement needs no settling, and keeps the common mark', () => {
    expect(cellStatus([1, 1], false, [undefined, undefined])).toEqual({ status: 'agreed', value: 1 });
    expect(cellStatus([0, 0], false, [undefined, undefined])).toEqual({ status: 'agreed', value: 0 });
  });

  it('a disagreement is open until someone signs, proposed until everyone has', () => {
    expect(cellStatus([1, 0], false, [undefined, undefined]).status).toBe('open');
    expect(cellStatus([1, 0], false, [1, undefined]).status).toBe('proposed');
  });

  it('is settled when every coder signed the same mark', () => {
    expect(cellStatus([1, 0], false, [0, 0])).toEqual({ status: 'settled', value: 0 });
  });

  it('two different signatures are a conflict, not a silent overwrite', () => {
    expect(cellStatus([1, 0], false, [1, 0])).toEqual({ status: 'conflict', value: null });
  });

  it('a reopened agreed cell must be settled again', () => {
    expect(cellStatus([1, 1], true, [undefined, undefined]).status).toBe('open');
    expect(cellStatus([1, 1], true, [0, 0])).toEqual({ status: 'settled', value: 0 });
  });

  it('works for three coders', () => {
    expect(cellStatus([1, 0, 1], false, [1, 1, undefined]).status).toBe('proposed');
    expect(cellStatus([1, 0, 1], false, [1, 1, 1]).status).toBe('settled');
  });
});

describe('finalizing', () => {
  it('needs no open cell, settled ratings and every sign-off', () => {
    expect(canFinalize(['agreed', 'settled'], true, 2, 2)).toBe(true);
    expect(canFinalize(['agreed', 'proposed'], true, 2, 2)).toBe(false);
    expect(canFinalize(['agreed', 'conflict'], true, 2, 2)).toBe(false);
    expect(canFinalize(['agreed'], false, 2, 2)).toBe(false);
    expect(canFinalize(['agreed'], true, 1, 2)).toBe(false);
  });
});
