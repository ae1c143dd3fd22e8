/**
 * Writes the demo codebook in every format to `examples/`:
 *   npx tsx scripts/write-examples.ts
 * A unit test (tests/unit/codebook/examples.test.ts) fails when these files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCodebookFiles } from '../lib/codebook/demo-files';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
mkdirSync(dir, { recursive: true });
for (const file of await demoCodebookFiles()) {
  writeFileSync(join(dir, file.fileName), file.bytes);
  console.log(`wrote examples/${file.fileName} (${file.bytes.length} bytes)`);
}
