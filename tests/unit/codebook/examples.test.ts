/** The files in examples/ are what scripts/write-examples.ts makes from lib/codebook/demo.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCodebookFiles } from '@/lib/codebook/demo-files';
import { demoCodebook } from '@/lib/codebook/demo';
import { importXlsx } from '@/lib/codebook/formats/xlsx';
import { okCodebook } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const stale = 'is out of date: run `npx tsx scripts/write-examples.ts`';

describe('examples folder', async () => {
  const files = await demoCodebookFiles();

  it.each(files.filter((f) => f.format !== 'xlsx').map((f) => [f.fileName, f] as const))('%s matches demo.ts byte for byte', (name, file) => {
    const onDisk = new Uint8Array(readFileSync(join(EXAMPLES, name)));
    expect(Buffer.from(onDisk).toString('utf8'), `examples/${name} ${stale}`).toBe(Buffer.from(file.bytes).toString('utf8'));
  });

  it('demo-codebook.xlsx holds the same content as demo.ts (workbook bytes differ by zip timestamps)', async () => {
    const onDisk = okCodebook(await importXlsx(new Uint8Array(readFileSync(join(EXAMPLES, 'demo-codebook.xlsx'))), 'demo-codebook.xlsx'));
    const fresh = okCodebook(await importXlsx(files.find((f) => f.format === 'xlsx')!.bytes, 'demo-codebook.xlsx'));
    expect(onDisk, `examples/demo-codebook.xlsx ${stale}`).toEqual(fresh);
    expect(onDisk.aspects).toEqual(demoCodebook().aspects);
  });

  it('has a README describing each file', () => {
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(f.fileName);
  });
});
