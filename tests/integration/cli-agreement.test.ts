import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/agreement';

/** Runs the real command line in a child process, as a user would. */
function concord(...args: string[]): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/concord.mjs', 'agreement', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err, ms: performance.now() - started }));
  });
}

const fixture = (name: string) => `tests/fixtures/agreement/${name}`;

describe('concord agreement', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'concord-agreement-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON object with every coefficient for two raters coding 0/1', async () => {
    const { code, out, err } = await concord(fixture('binary-two-raters.csv'), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.n_raters).toBe(2);
    expect(json.cohen_kappa).toEqual({ estimate: expect.any(Number), se: expect.any(Number), ci_low: expect.any(Number), ci_high: expect.any(Number) });
  });

  it('prints a table by default', async () => {
    const { code, out } = await concord(fixture('three-raters.csv'));
    expect(code).toBe(0);
    expect(out).toContain("Fleiss' kappa");
  });

  it.each([
    ['a missing column', 'bad/missing-column.csv', [], ':1: missing column'],
    ['a rater with no values', 'bad/rater-without-values.csv', [], ":3: rater 'bob' has no values"],
    ['non-numeric values at an interval level', 'bad/non-numeric.csv', ['--level', 'interval'], ":4: value 'high' is not a number"],
    ['an empty file', 'bad/empty.csv', [], ': the file is empty'],
  ])('reports %s with its line, prints nothing on stdout and exits 1', async (_what, file, args, message) => {
    const { code, out, err } = await concord(fixture(file), ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${fixture(file)}${message}`);
  });

  it('exits 2 on a usage error', async () => {
    const { code, err } = await concord(fixture('three-raters.csv'), '--level', 'binary');
    expect(code).toBe(2);
    expect(err).toContain('--level must be one of');
  });

  it('streams a file of a million rows within seconds', async () => {
    const file = join(dir, 'million.csv');
    const random = seededRandom(1);
    const rows: string[] = ['unit,rater,value'];
    for (let unit = 0; unit < 500_000; unit++) {
      const truth = random() < 0.25 ? 1 : 0;
      for (const rater of ['ann', 'bob']) rows.push(`u${unit},${rater},${random() < 0.9 ? truth : 1 - truth}`);
    }
    await writeFile(file, `${rows.join('\n')}\n`);
    const { code, out, err, ms } = await concord(file, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).n_units).toBe(500_000);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});
