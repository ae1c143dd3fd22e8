import { describe, expect, it } from 'vitest';
import { importCodebook } from '@/lib/codebook/formats';
import { exportQdc, importQdc } from '@/lib/codebook/formats/qdc';
import { demoCodebook } from '@/lib/codebook/demo';
import { fixture, okCodebook, problemsOf, utf8, where } from './helpers';

const NS = 'urn:QDA-XML:codebook:1.0';
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const qdc = (codes: string, rest = '') =>
  utf8(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${NS}" origin="test">\n<Codes>\n${codes}\n</Codes>${rest}\n</CodeBook>\n`);
const threeLevels = (leaf: string) =>
  `<Code guid="${G(1)}" name="A" isCodable="false">\n<Code guid="${G(2)}" name="A: Literature" isCodable="false">\n${leaf}\n</Code>\n</Code>`;

describe('REFI-QDA (.qdc) import', () => {
  it('reads a codebook written in another tool (MAXQDA style): nested codes, memos, a polarity set', async () => {
    const cb = okCodebook(await importCodebook({ fileName: 'maxqda-team-codebook.qdc', bytes: fixture('maxqda-team-codebook.qdc') }));
    expect(cb.name).toBe('maxqda-team-codebook');
    expect(cb.aspects.map((a) => [a.label.en, a.groups.map((g) => `${g.label.en} (${g.source})`)])).toEqual([
      ['Involvement', ['From the literature (literature)', 'Emotional connection (instrument)']],
      ['Partiality', ['Literature (literature)']],
    ]);
    const behaviours = cb.aspects.flatMap((a) => a.groups.flatMap((g) => g.behaviours));
    expect(behaviours.map((b) => [b.code, b.label.en, b.polarity])).toEqual([
      ['1.1.1', 'Balances warmth and distance', 'positive'],
      ['1.1.2', 'Too close or too distant', 'negative'],
      ['1.2.1', 'Shares a joke', 'positive'],
      ['1.2.2', 'Sarcastic remark', 'negative'],
      ['2.1.1', 'Explores every perspective', 'positive'],
    ]);
    // The memo becomes the definition: entities and character references decoded, CDATA kept literally.
    expect(behaviours[0]?.definition.en).toBe('Warm & personal, yet keeps to the role.\nSecond line of the memo: café talk counts.');
    expect(behaviours[2]?.definition.en).toBe('Any joke or light moment <shared> with the family.');
    // GUIDs become keys, braces stripped, lower case.
    expect(behaviours[3]?.key).toBe('65071829-3a4b-45c6-97e8-f90a1b2c3d45');
  });

  it('reads the labelled description fields, multi-line values and a rating-scale set', () => {
    const cb = okCodebook(importQdc(fixture('concord-fields.qdc'), 'concord-fields.qdc'));
    const group = cb.aspects[0]?.groups[0];
    expect(group).toMatchObject({ source: 'instrument', instrument: 'the observation instrument', dimension: 'safety', label: { en: 'Safety', nl: 'Veiligheid' } });
    expect(group?.behaviours[0]).toEqual({
      key: 'c0000000-0000-4000-8000-000000000003',
      code: 'PI-S1',
      label: { en: 'Does not respond to vulnerability', nl: 'Reageert niet op kwetsbaarheid' },
      polarity: 'negative',
      definition: { en: 'A member openly shows vulnerability\nand the worker carries on.\n\n(Second paragraph of the definition.)', nl: '' },
      include: { en: '', nl: '' },
      exclude: { en: 'Pausing briefly before responding.', nl: '' },
      examples: [
        { en: 'Mother cries; worker turns to the agenda.', nl: 'Moeder huilt; hulpverlener pakt de agenda erbij.' },
        { en: 'Teenager says he is scared; worker changes the subject.', nl: 'Puber zegt dat hij bang is; hulpverlener begint over iets anders.' },
      ],
      shortcut: 'u',
    });
    expect(cb.ratingScales).toEqual([
      {
        key: 'c0000000-0000-4000-8000-0000000000aa', label: { en: 'Safety', nl: 'Veiligheid' }, min: -3, max: 3, dimension: 'safety',
        anchors: [
          { value: -3, text: { en: 'Extremely problematic', nl: 'Zeer problematisch' } },
          { value: 0, text: { en: 'Neutral', nl: '' } },
          { value: 3, text: { en: 'Extremely strong', nl: '' } },
        ],
      },
    ]);
  });

  it('refuses a file that breaks the schema, pointing at each XML line and column, and imports nothing', () => {
    const bytes = utf8(
      [
        `<CodeBook xmlns="${NS}" version="2">`, // 1: unknown attribute
        '  <Codes>',
        `    <Code guid="not-a-guid" name="A" isCodable="yes">`, // 3: bad guid, bad boolean
        `      <Code guid="${G(2)}" isCodable="false">`, // 4: name missing
        '        <Description>Fine</Description>',
        '        <Note>Not in the schema</Note>', // 6: unknown element
        '      </Code>',
        `      <Description>Too late: Description must come first</Description>`, // 8: order
        '    </Code>',
        `    <Code guid="${G(9)}" name="B" isCodable="true" color="red"/>`, // 10: bad colour
        '  </Codes>',
        '  <Sets>',
        `    <Set guid="${G(20)}" name="S"><MemberCode guid="${G(99)}"/></Set>`, // 13: unknown member
        '  </Sets>',
        '</CodeBook>',
      ].join('\n'),
    );
    const problems = problemsOf(importQdc(bytes, 'invalid.qdc'));
    expect(where(problems)).toEqual([
      { line: 1, column: 44, code: 'qdc-unknown-attribute' },
      { line: 3, column: 11, code: 'qdc-bad-guid' },
      { line: 3, column: 38, code: 'qdc-bad-boolean' },
      { line: 4, column: 7, code: 'qdc-missing-attribute' },
      { line: 6, column: 9, code: 'qdc-unexpected-element' },
      { line: 8, column: 7, code: 'qdc-unexpected-element' },
      { line: 10, column: 81, code: 'qdc-bad-color' },
      { line: 13, column: 63, code: 'qdc-unknown-member' },
    ]);
    expect(problems.every((p) => p.file === 'invalid.qdc')).toBe(true);
  });

  it('refuses the wrong root element or namespace', () => {
    const wrongNs = utf8(`<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes><Code guid="${G(1)}" name="A" isCodable="true"/></Codes></CodeBook>`);
    const [p] = problemsOf(importQdc(wrongNs, 'ns.qdc'));
    expect(p).toMatchObject({ code: 'qdc-root', line: 1, column: 1 });
    expect(p?.message).toContain(NS);
    expect(problemsOf(importQdc(utf8(`<Project xmlns="urn:QDA-XML:project:1.0"/>`), 'p.qdc'))[0]?.code).toBe('qdc-root');
  });

  it('refuses a codebook without codes, and Sets before Codes', () => {
    expect(where(problemsOf(importQdc(utf8(`<CodeBook xmlns="${NS}"><Codes/></CodeBook>`), 'e.qdc')))).toEqual([
      { line: 1, column: 44, code: 'qdc-missing-element' },
    ]);
    const swapped = utf8(`<CodeBook xmlns="${NS}"><Sets><Set guid="${G(5)}" name="S"/></Sets><Codes><Code guid="${G(1)}" name="A" isCodable="true"/></Codes></CodeBook>`);
    expect(problemsOf(importQdc(swapped, 's.qdc')).map((p) => p.code)).toEqual(['qdc-missing-element', 'qdc-unexpected-element']);
  });

  it('refuses XML that is not well-formed, with line and column', () => {
    const [p] = problemsOf(importQdc(utf8(`<CodeBook xmlns="${NS}">\n  <Codes>\n  </Code>\n</CodeBook>`), 'broken.qdc'));
    expect(p).toMatchObject({ code: 'invalid-xml', line: 3, column: 3 });
    expect(p?.message).toMatch(/Expected <\/Codes> \(opened on line 2, column 3\), found <\/Code>/);
  });

  it('refuses DOCTYPE declarations and HTML entities instead of expanding or guessing them', () => {
    const doctype = utf8(`<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY x "boom">]>\n<CodeBook xmlns="${NS}"/>`);
    expect(problemsOf(importQdc(doctype, 'd.qdc'))[0]).toMatchObject({ code: 'invalid-xml', line: 2, column: 1 });
    const nbsp = qdc(threeLevels(`<Code guid="${G(3)}" name="X&nbsp;Y" isCodable="true"/>`));
    const [p] = problemsOf(importQdc(nbsp, 'n.qdc'));
    expect(p).toMatchObject({ code: 'invalid-xml', line: 6 });
    expect(p?.message).toMatch(/Unknown entity "&nbsp;"/);
  });

  it('refuses a fourth level of codes and conflicting polarity, at the code concerned', () => {
    const deep = qdc(threeLevels(`<Code guid="${G(3)}" name="B" isCodable="true">\n<Code guid="${G(4)}" name="C" isCodable="true"/>\n</Code>`));
    expect(where(problemsOf(importQdc(deep, 'deep.qdc')))).toEqual([{ line: 7, column: 1, code: 'qdc-too-deep' }]);

    const conflict = qdc(
      threeLevels(`<Code guid="${G(3)}" name="X1 B" isCodable="true"><Description>Code: X1\nPolarity: positive</Description></Code>`),
      `\n<Sets><Set guid="${G(8)}" name="Negative behaviours"><MemberCode guid="${G(3)}"/></Set></Sets>`,
    );
    expect(where(problemsOf(importQdc(conflict, 'c.qdc')))).toEqual([{ line: 6, column: 1, code: 'qdc-polarity-conflict' }]);
  });

  it('maps validation problems (duplicate codes, reserved shortcuts) to the XML element', () => {
    const leaf = (n: number, extra = '') =>
      `<Code guid="${G(n)}" name="X1 Thing ${n}" isCodable="true"><Description>Code: X1${extra}</Description></Code>`;
    const bytes = qdc(threeLevels(`${leaf(3)}\n${leaf(4, '\nShortcut: 0')}`));
    expect(where(problemsOf(importQdc(bytes, 'v.qdc')))).toEqual([
      { line: 7, column: 1, code: 'duplicate-code' },
      { line: 7, column: 1, code: 'reserved-shortcut' },
    ]);
  });

  it('writes a file that meets the schema: namespace, upper-case GUIDs, codable leaves, sets', () => {
    const xml = new TextDecoder().decode(exportQdc(demoCodebook()));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')).toBe(true);
    expect(xml).toMatch(/<Code guid="[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}" name="PI-EC1 Shares a light moment or a joke with the family" isCodable="true" color="#2E7D32">/);
    expect(xml).toContain('name="Professional involvement: Emotional connection" isCodable="false"');
    expect(xml).toContain('<Set guid=');
    expect(xml).toContain('name="Negative behaviours"');
    expect(xml).toContain('name="Rating scale: Safety"');
    expect(xml.match(/<MemberCode /g)).toHaveLength(44);
  });
});
