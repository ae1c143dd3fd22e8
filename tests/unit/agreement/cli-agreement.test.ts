import { describe, expect, it } from 'vitest';
import { CliUsageError } from '@/server/cli/command';
import { command } from '@/server/cli/commands/agreement';

const fixture = (name: string) => `tests/fixtures/agreement/${name}`;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const JSON_KEYS = [
  'n_units', 'n_raters', 'percent_agreement', 'occurrence_agreement', 'nonoccurrence_agreement', 'cohen_kappa', 'scott_pi', 'pabak',
  'gwet_ac1', 'brennan_prediger', 'fleiss_kappa', 'krippendorff_alpha', 'cohen_kappa_linear', 'cohen_kappa_quadratic', 'icc_a1', 'icc_c1',
];

describe('concord agreement (run in process)', () => {
  it('fills every key for two raters coding 0/1', async () => {
    const { code, out, err } = await run(fixture('binary-two-raters.csv'), '--json');
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(JSON_KEYS);
    expect([json.n_units, json.n_raters]).toEqual([8, 2]);
    for (const key of JSON_KEYS.slice(2)) {
      expect(Object.keys(json[key]), key).toEqual(['estimate', 'se', 'ci_low', 'ci_high']);
      expect(typeof json[key].estimate, key).toBe('number');
    }
    // 7 intervals coded by both: a = 2, b = 1, c = 1, d = 3.
    expect(json.percent_agreement.estimate).toBeCloseTo(5 / 7, 12);
    expect(json.occurrence_agreement.estimate).toBeCloseTo(2 / 4, 12);
    expect(json.nonoccurrence_agreement.estimate).toBeCloseTo(3 / 5, 12);
  });

  it('gives null with a reason for the two-rater coefficients when there are three raters', async () => {
    const json = JSON.parse((await run(fixture('three-raters.csv'), '--json')).out);
    expect(json.n_raters).toBe(3);
    for (const key of ['cohen_kappa', 'scott_pi', 'pabak', 'occurrence_agreement', 'cohen_kappa_linear']) {
      expect(json[key], key).toEqual({ estimate: null, reason: 'defined for two raters; these data have 3' });
    }
    expect(typeof json.fleiss_kappa.estimate).toBe('number');
    expect(typeof json.krippendorff_alpha.estimate).toBe('number');
  });

  it('gives null for the ICC and weighted kappa on nominal labels', async () => {
    const json = JSON.parse((await run(fixture('nominal-labels.csv'), '--json')).out);
    expect(json.icc_a1.estimate).toBeNull();
    expect(json.icc_a1.reason).toMatch(/interval or ratio/);
    expect(json.cohen_kappa_quadratic.estimate).toBeNull();
    expect(json.occurrence_agreement.reason).toMatch(/0\/1/);
    expect(typeof json.cohen_kappa.estimate).toBe('number');
  });

  it("reproduces Krippendorff's interval alpha of 0.849 from a long file with missing values", async () => {
    const json = JSON.parse((await run(fixture('krippendorff-2011.csv'), '--level', 'interval', '--json')).out);
    expect(json.krippendorff_alpha.estimate).toBeCloseTo(0.849107, 6);
    expect(json.n_units).toBe(12);
  });

  it('prints a readable table by default', async () => {
    const { code, out } = await run(fixture('three-raters.csv'));
    expect(code).toBe(0);
    expect(out).toContain('5 units, 3 raters, nominal level');
    expect(out).toMatch(/Fleiss' kappa\s+-?\d\.\d{3}/);
    expect(out).toMatch(/Cohen's kappa\s+—\s+defined for two raters/);
  });

  it.each([
    ['bad/missing-column.csv', [], /missing-column\.csv:1: missing column 'rater'/],
    ['bad/rater-without-values.csv', [], /rater-without-values\.csv:3: rater 'bob' has no values/],
    ['bad/non-numeric.csv', ['--level', 'interval'], /non-numeric\.csv:4: value 'high' is not a number[\s\S]*non-numeric\.csv:7: value 'n\/a'/],
    ['bad/empty.csv', [], /empty\.csv: the file is empty/],
    ['bad/duplicate-and-extra-field.csv', [], /:4: unit '1' already has a rating[\s\S]*:5: expected 3 fields, found 4/],
  ])('reports %s with line numbers, prints no result and exits 1', async (file, args, message) => {
    const { code, out, err } = await run(fixture(file), ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toContain('no results');
  });

  it('treats wrong arguments as usage errors', async () => {
    await expect(run()).rejects.toThrow(CliUsageError);
    await expect(run(fixture('three-raters.csv'), '--level', 'binary')).rejects.toThrow(/--level must be one of/);
    await expect(run(fixture('three-raters.csv'), '--colour')).rejects.toThrow(/unknown option --colour/);
    await expect(run('tests/fixtures/agreement/no-such-file.csv')).rejects.toThrow(/cannot read/);
  });
});
