import { describe, expect, it } from 'vitest';
import { describeProblem } from '@/lib/files/problems';

describe('problem descriptions', () => {
  it('describes a problem as the user sees it: row for spreadsheets, line for XML', () => {
    expect(describeProblem({ code: 'x', message: 'Bad.', file: 'a.csv', line: 3, column: 'polarity' })).toBe('a.csv, row 3, column polarity: Bad.');
    expect(describeProblem({ code: 'x', message: 'Bad.', file: 'a.xlsx', line: 3 })).toBe('a.xlsx, row 3: Bad.');
    expect(describeProblem({ code: 'x', message: 'Bad.', file: 'a.qdc', line: 12, column: 7 })).toBe('a.qdc, line 12, column 7: Bad.');
    expect(describeProblem({ code: 'x', message: 'Bad.' })).toBe('Bad.');
  });
});
