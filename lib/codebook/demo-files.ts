/**
 * The demo codebook in every exchange format, as shipped in `examples/` (written by
 * `scripts/write-examples.ts`, checked by a unit test).
 */
import { demoCodebook } from './demo';
import { CODEBOOK_FORMATS, exportCodebook, type CodebookFormat } from './formats';

export const DEMO_FILE_BASENAME = 'demo-codebook';

export interface DemoFile {
  format: CodebookFormat;
  fileName: string;
  bytes: Uint8Array;
}

export async function demoCodebookFiles(): Promise<DemoFile[]> {
  const codebook = demoCodebook();
  return Promise.all(
    CODEBOOK_FORMATS.map(async (format) => {
      const { fileName, bytes } = await exportCodebook(codebook, format);
      return { format, fileName: `${DEMO_FILE_BASENAME}${fileName.slice(fileName.lastIndexOf('.'))}`, bytes };
    }),
  );
}
