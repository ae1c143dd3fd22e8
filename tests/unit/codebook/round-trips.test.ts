/**
 * "Done when: round trips JSON → CSV → JSON and JSON → QDC → JSON keep every field each
 * format can carry", on the demo codebook and on a codebook full of awkward text.
 *
 * What each format cannot carry (everything else must survive):
 * - CSV and XLSX: the codebook's name (taken from the file name), description and id; the
 *   rating scales; aspects and groups without behaviours.
 * - QDC: the codebook's name (taken from the file name), description and id.
 * In every format but JSON, CRLF inside a text comes back as LF, and text is trimmed.
 */
import { describe, expect, it } from 'vitest';
import { exportCodebook, importCodebook, type CodebookFormat } from '@/lib/codebook/formats';
import { exportJson, importJson } from '@/lib/codebook/formats/json';
import { demoCodebook } from '@/lib/codebook/demo';
import { derivedKey } from '@/lib/codebook/keys';
import type { Codebook } from '@/lib/codebook/model';
import { canonical, okCodebook } from './helpers';

const NOT_CARRIED: Record<Exclude<CodebookFormat, 'json'>, (keyof Codebook)[]> = {
  csv: ['id', 'name', 'description', 'ratingScales'],
  xlsx: ['id', 'name', 'description', 'ratingScales'],
  qdc: ['id', 'name', 'description'],
};

/** JSON → format → JSON. */
async function viaFormat(json: Uint8Array, format: Exclude<CodebookFormat, 'json'>): Promise<Codebook> {
  const start = okCodebook(importJson(json, 'start.json'));
  const file = await exportCodebook(start, format);
  const middle = okCodebook(await importCodebook({ fileName: `team-codebook.${format}`, bytes: file.bytes }));
  return okCodebook(importJson(exportJson(middle), 'end.json'));
}

/** The original with the fields the format cannot carry replaced by what an import gives. */
function expectedAfter(original: Codebook, format: Exclude<CodebookFormat, 'json'>): Codebook {
  const lost = NOT_CARRIED[format];
  return canonical({
    ...original,
    id: undefined,
    description: undefined,
    name: 'team-codebook',
    ratingScales: lost.includes('ratingScales') ? [] : original.ratingScales,
  });
}

function awkwardCodebook(): Codebook {
  const key = (n: string) => derivedKey('behaviour', n);
  const text = (en: string, nl = '') => ({ en, nl });
  return {
    name: 'Awkward',
    aspects: [
      {
        key: derivedKey('aspect', 'Aspect, with "quotes"'),
        label: text('Aspect, with "quotes"', 'Aspect; met ‘aanhalingstekens’'),
        groups: [
          {
            key: derivedKey('group', 'x', 'Dimension: Émotion'),
            source: 'instrument',
            instrument: 'SOFTA-o & friends',
            dimension: 'émotion',
            label: text('Dimension: Émotion', ''),
            behaviours: [
              {
                key: key('=1'),
                code: 'A.1_x-2',
                label: text('=SUM(A1:A9) looks like a formula', '+31 begint met plus'),
                polarity: 'negative',
                definition: text('Line one,\nline two; "quoted"\n\n  indented after a blank line', 'Eén\r\ntwee'),
                include: text('-starts with a minus', '@starts with an at'),
                exclude: text("'=already quoted", ''),
                examples: [text('', 'alleen Nederlands'), text('only English', ''), text('both, with comma', 'beide')],
                shortcut: 'ß',
              },
              {
                key: key('plain'),
                code: 'P1',
                label: text('Emoji 👪 and RTL עברית', 'Code: not a field'),
                polarity: 'positive',
                definition: text('Definition: looks like a field\nPolarity: negative (still text)', ''),
                include: text('', ''),
                exclude: text('', ''),
                examples: [],
              },
            ],
          },
        ],
      },
    ],
    ratingScales: [
      { key: derivedKey('scale', 'x'), label: text('Global <rating>', 'Globaal'), min: 0, max: 4, dimension: 'émotion',
        anchors: [{ value: 0, text: text('none & never') }, { value: 4, text: text('always', 'altijd') }] },
    ],
  };
}

describe.each(['csv', 'xlsx', 'qdc'] as const)('JSON → %s → JSON', (format) => {
  it('keeps every field the format can carry, on the demo codebook', async () => {
    const original = demoCodebook();
    const after = await viaFormat(exportJson(original), format);
    expect(after).toEqual(expectedAfter(original, format));
  });

  it('keeps every field the format can carry, on awkward text (quotes, line breaks, formulas, emoji, look-alike fields)', async () => {
    const original = awkwardCodebook();
    // Line ends inside text come back as LF from every format (spreadsheet cells and XML normalise CRLF).
    const crlfFree = JSON.parse(JSON.stringify(original).replace(/\\r\\n/g, '\\n')) as Codebook;
    const after = await viaFormat(exportJson(original), format);
    expect(after).toEqual(expectedAfter(crlfFree, format));
  });
});

describe('what is lost is only what the format cannot carry', () => {
  it('CSV drops the rating scales and the description, and names the codebook after the file', async () => {
    const after = await viaFormat(exportJson(demoCodebook()), 'csv');
    expect(after.ratingScales).toEqual([]);
    expect(after.description).toBeUndefined();
    expect(after.name).toBe('team-codebook');
  });

  it('QDC keeps the rating scales with their anchors', async () => {
    const after = await viaFormat(exportJson(demoCodebook()), 'qdc');
    expect(after.ratingScales).toEqual(demoCodebook().ratingScales);
  });
});
