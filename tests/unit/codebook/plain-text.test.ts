/** "Text is never interpreted as HTML": markup and entities are literal text in every format. */
import { describe, expect, it } from 'vitest';
import { CODEBOOK_FORMATS, exportCodebook, importCodebook } from '@/lib/codebook/formats';
import { demoCodebook } from '@/lib/codebook/demo';
import type { Codebook } from '@/lib/codebook/model';
import { okCodebook } from './helpers';

const MARKUP = '<b>x</b> & "y"';
const ENTITIES = `Tom &amp; Jerry &lt;i&gt; &nbsp; &#60;script&#62;alert('x')&#60;/script&#62;`;

function withText(): Codebook {
  const cb = demoCodebook();
  const aspect = cb.aspects[0];
  const b = aspect?.groups[0]?.behaviours[0];
  if (!aspect || !b) throw new Error('demo changed');
  aspect.label = { en: `Aspect ${MARKUP}`, nl: ENTITIES };
  b.label = { en: MARKUP, nl: ENTITIES };
  b.definition = { en: `<script>alert("x")</script>\n${ENTITIES}`, nl: '<p>paragraaf</p>' };
  b.examples = [{ en: MARKUP, nl: '<br/>' }];
  cb.ratingScales[0]!.anchors[0]!.text = { en: MARKUP, nl: ENTITIES };
  return cb;
}

describe.each(CODEBOOK_FORMATS)('%s keeps markup and entities as literal text', (format) => {
  it(`round-trips a label like ${MARKUP} unchanged`, async () => {
    const original = withText();
    const file = await exportCodebook(original, format);
    const back = okCodebook(await importCodebook({ fileName: `plain.${format}`, bytes: file.bytes }));
    const [a, b] = [back.aspects[0], back.aspects[0]?.groups[0]?.behaviours[0]];
    expect(a?.label).toEqual({ en: `Aspect ${MARKUP}`, nl: ENTITIES });
    expect(b?.label).toEqual({ en: MARKUP, nl: ENTITIES });
    expect(b?.definition).toEqual(original.aspects[0]?.groups[0]?.behaviours[0]?.definition);
    expect(b?.examples).toEqual([{ en: MARKUP, nl: '<br/>' }]);
    if (format === 'json' || format === 'qdc') expect(back.ratingScales[0]?.anchors[0]?.text).toEqual({ en: MARKUP, nl: ENTITIES });
  });
});

it('escapes markup in the QDC file rather than embedding it', async () => {
  const xml = new TextDecoder().decode((await exportCodebook(withText(), 'qdc')).bytes);
  expect(xml).toContain('name="PI-L1 &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"');
  expect(xml).toContain('Label (NL): Tom &amp;amp; Jerry &amp;lt;i&amp;gt; &amp;nbsp;');
  expect(xml).not.toContain('<script>');
});
