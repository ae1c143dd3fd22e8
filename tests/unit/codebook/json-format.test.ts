import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '@/lib/codebook/formats/json';
import { demoCodebook } from '@/lib/codebook/demo';
import { okCodebook, problemsOf, utf8, where } from './helpers';

const minimal = (behaviour: Record<string, unknown>) =>
  JSON.stringify(
    {
      format: 'concord-codebook',
      version: 1,
      name: 'Small',
      aspects: [
        {
          key: '00000000-0000-4000-8000-000000000001',
          label: { en: 'A', nl: '' },
          groups: [{ key: '00000000-0000-4000-8000-000000000002', source: 'literature', label: { en: 'Literature', nl: '' }, behaviours: [behaviour] }],
        },
      ],
    },
    null,
    2,
  );
const B = { key: '00000000-0000-4000-8000-000000000003', code: 'X1', label: { en: 'Thing', nl: 'Ding' }, polarity: 'positive' };

describe('JSON format', () => {
  it('round-trips the full model losslessly, byte for byte', () => {
    const cb = { id: 'cb_123', ...demoCodebook() };
    const bytes = exportJson(cb);
    const back = okCodebook(importJson(bytes, 'demo.json'));
    expect(back).toEqual(cb);
    expect(exportJson(back)).toEqual(bytes);
  });

  it('is versioned and readable', () => {
    const text = new TextDecoder().decode(exportJson(demoCodebook()));
    expect(text.startsWith('{\n  "format": "concord-codebook",\n  "version": 1,\n  "name": "Distance and proximity (demo)"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('fills in left-out notes and examples', () => {
    const cb = okCodebook(importJson(utf8(minimal(B)), 'small.json'));
    expect(cb.aspects[0]?.groups[0]?.behaviours[0]).toEqual({
      ...B, polarity: 'positive', definition: { en: '', nl: '' }, include: { en: '', nl: '' }, exclude: { en: '', nl: '' }, examples: [],
    });
    expect(cb.ratingScales).toEqual([]);
  });

  it('reports a syntax error with line and column', () => {
    const [p] = problemsOf(importJson(utf8('{\n  "format": "concord-codebook",\n  "version": 1,,\n}'), 'broken.json'));
    expect(p).toMatchObject({ code: 'invalid-json', file: 'broken.json', line: 3, column: 16 });
  });

  it('reports every structural problem at the line and column of the value, with its path', () => {
    const text = minimal({ ...B, polarity: 'neutral', colour: 'red', label: { en: 'Thing' } });
    const problems = problemsOf(importJson(utf8(text), 'bad.json'));
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(where(problems)).toEqual([
      // label.nl is missing: points at the label object
      { line: lineOf('"en": "Thing"') - 1, column: 24, code: 'invalid-structure' },
      { line: lineOf('"neutral"'), column: 27, code: 'invalid-structure' },
      // an unknown property: points at the behaviour object
      { line: lineOf('"key": "00000000-0000-4000-8000-000000000003"') - 1, column: 13, code: 'invalid-structure' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^aspects\.0\.groups\.0\.behaviours\.0\.label\.nl: /),
      expect.stringMatching(/^aspects\.0\.groups\.0\.behaviours\.0\.polarity: .*"positive"\|"negative"/),
      expect.stringMatching(/^aspects\.0\.groups\.0\.behaviours\.0: .*colour/),
    ]);
  });

  it('reports validation problems (duplicate code, bad key) at the offending value', () => {
    const text = minimal({ ...B, key: 'not-a-uuid', shortcut: 'Enter' });
    const problems = problemsOf(importJson(utf8(text), 'v.json'));
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['invalid-key', text.split('\n').findIndex((l) => l.includes('not-a-uuid')) + 1],
      ['reserved-shortcut', text.split('\n').findIndex((l) => l.includes('"Enter"')) + 1],
    ]);
  });

  it('refuses JSON that is not a Concord codebook, or a newer version', () => {
    expect(problemsOf(importJson(utf8('[1,2]'), 'a.json'))[0]?.code).toBe('not-concord-json');
    expect(problemsOf(importJson(utf8('{"format":"concord-codebook","version":2}'), 'b.json'))[0]?.code).toBe('unsupported-version');
  });
});
