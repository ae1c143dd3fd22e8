import { describe, expect, it } from 'vitest';
import { demoCodebook } from '@/lib/codebook/demo';
import type { Behaviour, Codebook } from '@/lib/codebook/model';
import { newKey } from '@/lib/codebook/keys';
import { RESERVED_SHORTCUT_KEYS, validateCodebook } from '@/lib/codebook/validate';

function edit(change: (cb: Codebook, first: Behaviour, second: Behaviour) => void): Codebook {
  const cb = demoCodebook();
  const [first, second] = cb.aspects[0]?.groups[0]?.behaviours ?? [];
  if (!first || !second) throw new Error('demo changed');
  change(cb, first, second);
  return cb;
}

const codes = (cb: Codebook) => validateCodebook(cb).map((p) => p.code);

describe('validateCodebook', () => {
  it('finds nothing wrong with the demo codebook', () => {
    expect(validateCodebook(demoCodebook())).toEqual([]);
  });

  it('flags duplicate codes case-insensitively, on the second behaviour, naming the first', () => {
    const cb = edit((_, a, b) => (b.code = a.code.toLowerCase()));
    const [p, ...rest] = validateCodebook(cb);
    expect(rest).toEqual([]);
    const [a, b] = cb.aspects[0]!.groups[0]!.behaviours;
    expect(p).toMatchObject({ code: 'duplicate-code', target: { behaviourKey: b!.key, field: 'code', otherKey: a!.key } });
  });

  it('flags empty labels of behaviours, groups and aspects, but not an empty Dutch label', () => {
    const cb = edit((cb, a) => {
      a.label = { en: '  ', nl: 'iets' };
      cb.aspects[1]!.label.en = '';
      cb.aspects[2]!.groups[1]!.label.en = '';
      cb.aspects[2]!.groups[0]!.behaviours[0]!.label.nl = '';
    });
    expect(validateCodebook(cb).map((p) => [p.code, p.target?.field])).toEqual([
      ['empty-label', 'label.en'],
      ['empty-label', 'label.en'],
      ['empty-label', 'label.en'],
    ]);
  });

  it('flags shortcut clashes (any letter case), non-letters and keys the tally grid reserves', () => {
    expect(codes(edit((_, a, b) => (b.shortcut = a.shortcut!.toUpperCase())))).toEqual(['shortcut-clash']);
    expect(codes(edit((_, a) => (a.shortcut = 'ab')))).toEqual(['invalid-shortcut']);
    expect(codes(edit((_, a) => (a.shortcut = '!')))).toEqual(['invalid-shortcut']);
    for (const key of ['0', '1', '7', ' ', 'Enter', 'ArrowUp']) expect(codes(edit((_, a) => (a.shortcut = key)))).toEqual(['reserved-shortcut']);
    expect(RESERVED_SHORTCUT_KEYS).toEqual(expect.arrayContaining(['0', '1', ' ', 'Enter', 'ArrowLeft', 'ArrowRight']));
    expect(codes(edit((_, a) => (a.shortcut = 'é')))).toEqual([]);
  });

  it('flags a bad polarity and a bad group source', () => {
    expect(codes(edit((_, a) => (a.polarity = 'neutral' as Behaviour['polarity'])))).toEqual(['bad-polarity']);
    expect(codes(edit((cb) => (cb.aspects[0]!.groups[0]!.source = 'hearsay' as 'literature')))).toEqual(['bad-source']);
  });

  it('flags codes with spaces or odd characters, and empty codes', () => {
    expect(codes(edit((_, a) => (a.code = 'PI L1')))).toEqual(['invalid-code']);
    expect(codes(edit((_, a) => (a.code = '-x')))).toEqual(['invalid-code']);
    expect(codes(edit((_, a) => (a.code = '')))).toEqual(['empty-code']);
    expect(codes(edit((_, a) => (a.code = 'Ä.1_b-2')))).toEqual([]);
  });

  it('flags keys that are not UUIDs or not unique', () => {
    expect(codes(edit((_, a) => (a.key = 'pi-l1')))).toEqual(['invalid-key']);
    expect(codes(edit((_, a, b) => (b.key = a.key.toUpperCase())))).toEqual(['duplicate-key']);
  });

  it('flags duplicate aspect and group names, multi-line labels and control characters', () => {
    expect(codes(edit((cb) => (cb.aspects[1]!.label.en = 'professional INVOLVEMENT ')))).toEqual(['duplicate-aspect']);
    expect(codes(edit((cb) => (cb.aspects[0]!.groups[1]!.label.en = 'Literature')))).toEqual(['duplicate-group']);
    expect(codes(edit((_, a) => (a.label.en = 'two\nlines')))).toEqual(['multiline-text']);
    expect(codes(edit((_, a) => (a.definition.nl = 'bell\u0007')))).toEqual(['control-character']);
    expect(codes(edit((_, a) => (a.definition.en = 'x'.repeat(5001))))).toEqual(['too-long']);
  });

  it('checks rating scales: range, anchors, dimension', () => {
    expect(codes(edit((cb) => (cb.ratingScales[0]!.min = 3)))).toEqual(['invalid-scale', 'invalid-anchor', 'invalid-anchor', 'invalid-anchor', 'invalid-anchor', 'invalid-anchor', 'invalid-anchor']);
    expect(codes(edit((cb) => (cb.ratingScales[0]!.anchors[1]!.value = -3)))).toEqual(['duplicate-anchor']);
    expect(codes(edit((cb) => (cb.ratingScales[0]!.anchors[1]!.value = 1.5)))).toEqual(['invalid-anchor']);
    expect(codes(edit((cb) => (cb.ratingScales[0]!.dimension = 'nowhere')))).toEqual(['unknown-dimension']);
  });

  it('flags a codebook without a name or without behaviours, and one with more than 1,000', () => {
    expect(codes({ name: ' ', aspects: [], ratingScales: [] })).toEqual(['empty-name', 'no-behaviours']);
    const big = edit((cb, a) => {
      cb.aspects[0]!.groups[0]!.behaviours = Array.from({ length: 1001 - (44 - 3) }, (_, i) => ({ ...a, key: newKey(), code: `B${i}`, shortcut: undefined }));
    });
    expect(codes(big)).toEqual(['too-many-behaviours']);
  });
});
