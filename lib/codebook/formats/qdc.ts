/**
 * REFI-QDA codebook exchange (`.qdc`), the XML that ATLAS.ti, MAXQDA, NVivo and QualCoder
 * read and write. Schema rules: qdc-schema.ts.
 *
 * Mapping (three levels of nested Codes):
 * - aspect    → top-level Code, isCodable="false", name = English label;
 * - group     → Code inside it, isCodable="false", name = "<aspect>: <group>" (code names must be
 *               unique in ATLAS.ti, and every aspect has a "Literature" group);
 * - behaviour → codable leaf Code, name = "<code> <English label>", green (positive) or red
 *               (negative) colour.
 * GUIDs are the model's keys. Everything else is carried in the Description as labelled fields
 * (qdc-description.ts): Dutch labels, definitions, include/exclude notes, examples, code,
 * polarity, shortcut; a group's source, instrument and dimension.
 * Sets: "Positive behaviours" and "Negative behaviours" list their codes, so the other tools
 * show polarity as code groups; a rating scale is an empty Set named "Rating scale: <label>"
 * whose Description holds its range and anchors.
 *
 * Importing a codebook made elsewhere: deeper levels than three are refused; a behaviour
 * without a "Code:" field gets a code from its position ("1.2.3") and its whole name as label;
 * a description without fields becomes the English definition; polarity comes from the
 * "Polarity:" field or from membership of a Set whose name starts with "negative"/"negatie"
 * (or "positive"/"positie"), positive if neither; a group without "Source:" is literature if
 * its name contains "literat", else instrument. The codebook's name comes from the file name;
 * its description, id and colours are not carried.
 */
import { problem, sortProblems } from '@/lib/files/problems';
import { decodeText } from '@/lib/files/text';
import { derivedKey, normalizeUuid } from '../keys';
import { pairExamples, type Aspect, type Behaviour, type Codebook, type Group, type RatingScale } from '../model';
import type { CodebookProblem, ImportResult } from '../problems';
import { validateCodebook } from '../validate';
import { baseName } from './csv';
import { anchorField, field, fieldValues, FIELD, hasField, readDescription, writeDescription, type ParsedDescription } from './qdc-description';
import { checkQdcSchema, normalizeGuid, QDC_NAMESPACE } from './qdc-schema';
import { attrValue, childElements, escapeAttr, escapeText, parseXml, textContent, type XmlElement } from './xml';

const COLOR = { positive: '#2E7D32', negative: '#C62828' } as const;
const SET_NAME = { positive: 'Positive behaviours', negative: 'Negative behaviours' } as const;
const SCALE_PREFIX = 'Rating scale: ';

export function exportQdc(cb: Codebook): Uint8Array {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="${QDC_NAMESPACE} Codebook.xsd" origin="Concord">`,
    '  <Codes>',
  ];
  const code = (depth: number, guid: string, name: string, codable: boolean, description: string, color?: string) => {
    const pad = '  '.repeat(depth + 1);
    const colorAttr = color ? ` color="${color}"` : '';
    out.push(`${pad}<Code guid="${guid.toUpperCase()}" name="${escapeAttr(name)}" isCodable="${codable}"${colorAttr}>`);
    if (description) out.push(`${pad}  <Description>${escapeText(description)}</Description>`);
  };
  const close = (depth: number) => out.push(`${'  '.repeat(depth + 1)}</Code>`);

  for (const aspect of cb.aspects) {
    code(1, aspect.key, aspect.label.en, false, writeDescription([[FIELD.labelNl, aspect.label.nl]]));
    for (const group of aspect.groups) {
      const desc = writeDescription([
        [FIELD.labelNl, group.label.nl], [FIELD.source, group.source],
        [FIELD.instrument, group.instrument ?? ''], [FIELD.dimension, group.dimension ?? ''],
      ]);
      code(2, group.key, `${aspect.label.en}: ${group.label.en}`, false, desc);
      for (const b of group.behaviours) {
        code(3, b.key, `${b.code} ${b.label.en}`, true, behaviourDescription(b), COLOR[b.polarity]);
        close(3);
      }
      close(2);
    }
    close(1);
  }
  out.push('  </Codes>');

  const sets: string[] = [];
  const behaviours = cb.aspects.flatMap((a) => a.groups.flatMap((g) => g.behaviours));
  for (const polarity of ['positive', 'negative'] as const) {
    const members = behaviours.filter((b) => b.polarity === polarity);
    if (!members.length) continue;
    const guid = derivedKey('set', polarity, ...cb.aspects.map((a) => a.key));
    sets.push(`    <Set guid="${guid.toUpperCase()}" name="${SET_NAME[polarity]}">`);
    for (const b of members) sets.push(`      <MemberCode guid="${b.key.toUpperCase()}"/>`);
    sets.push('    </Set>');
  }
  for (const scale of cb.ratingScales) {
    sets.push(`    <Set guid="${scale.key.toUpperCase()}" name="${escapeAttr(SCALE_PREFIX + scale.label.en)}">`);
    sets.push(`      <Description>${escapeText(scaleDescription(scale))}</Description>`);
    sets.push('    </Set>');
  }
  if (sets.length) out.push('  <Sets>', ...sets, '  </Sets>');
  out.push('</CodeBook>', '');
  return new TextEncoder().encode(out.join('\n'));
}

function behaviourDescription(b: Behaviour): string {
  const examplesEn = b.examples.map((e): [string, string] => [FIELD.example, e.en]);
  const examplesNl = b.examples.some((e) => e.nl) ? b.examples.map((e): [string, string] => [FIELD.exampleNl, e.nl]) : [];
  const keepEmpty = [...(b.examples.some((e) => !e.en) ? [FIELD.example] : []), ...(examplesNl.length ? [FIELD.exampleNl] : [])];
  return writeDescription(
    [
      [FIELD.definition, b.definition.en], [FIELD.include, b.include.en], [FIELD.exclude, b.exclude.en], ...examplesEn,
      [FIELD.labelNl, b.label.nl], [FIELD.definitionNl, b.definition.nl], [FIELD.includeNl, b.include.nl],
      [FIELD.excludeNl, b.exclude.nl], ...examplesNl,
      [FIELD.code, b.code], [FIELD.polarity, b.polarity], [FIELD.shortcut, b.shortcut ?? ''],
    ],
    keepEmpty,
  );
}

function scaleDescription(s: RatingScale): string {
  return writeDescription([
    [FIELD.labelNl, s.label.nl], [FIELD.dimension, s.dimension ?? ''],
    [FIELD.minimum, String(s.min)], [FIELD.maximum, String(s.max)],
    ...s.anchors.flatMap((a): [string, string][] => [[anchorField(a.value, false), a.text.en], [anchorField(a.value, true), a.text.nl]]),
  ]);
}

export function importQdc(bytes: Uint8Array, fileName: string): ImportResult<Codebook> {
  const decoded = decodeText(bytes, fileName, 'QDC (XML)');
  if (!decoded.ok) return decoded;
  const parsed = parseXml(decoded.text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, problems: [problem('invalid-xml', `This is not well-formed XML: ${message}`, { file: fileName, line, column })] };
  }
  if (parsed.encoding && !/^utf-?(8|16)$/i.test(parsed.encoding)) {
    const message = `The file declares encoding "${parsed.encoding}"; codebook files must be UTF-8 or UTF-16.`;
    return { ok: false, problems: [problem('unsupported-encoding', message, { file: fileName, line: 1, column: 1 })] };
  }
  const schemaProblems = checkQdcSchema(parsed.root, fileName);
  if (schemaProblems.length) return { ok: false, problems: schemaProblems };
  return mapCodebook(parsed.root, fileName);
}

function mapCodebook(root: XmlElement, file: string): ImportResult<Codebook> {
  const problems: CodebookProblem[] = [];
  const at = (el: XmlElement) => ({ file, line: el.line, column: el.column });
  const elementOf = new Map<string, XmlElement>();
  const [codesEl, setsEl] = childElements(root);
  const sets = setsEl ? childElements(setsEl) : [];

  const membership = new Map<string, Set<'positive' | 'negative'>>();
  const ratingScales: RatingScale[] = [];
  for (const set of sets) {
    const name = (attrValue(set, 'name') ?? '').trim();
    const polarity = /^(negative|negatie)/i.test(name) ? 'negative' : /^(positive|positie)/i.test(name) ? 'positive' : undefined;
    if (polarity) {
      for (const m of childElements(set).filter((c) => c.local === 'MemberCode')) {
        const guid = normalizeGuid(attrValue(m, 'guid') ?? '');
        membership.set(guid, new Set([...(membership.get(guid) ?? []), polarity]));
      }
    } else if (name.toLowerCase().startsWith(SCALE_PREFIX.toLowerCase())) {
      const scale = readScale(set, name.slice(SCALE_PREFIX.length).trim());
      if (typeof scale === 'string') problems.push(problem('invalid-scale', scale, at(set)));
      else {
        ratingScales.push(scale);
        elementOf.set(scale.key, set);
      }
    }
  }

  const keyOf = (el: XmlElement) => {
    const key = normalizeUuid(attrValue(el, 'guid') ?? '') as string; // GUID pattern checked by the schema
    elementOf.set(key, el);
    return key;
  };
  const codeChildren = (el: XmlElement) => childElements(el).filter((c) => c.local === 'Code');
  const aspects: Aspect[] = codeChildren(codesEl as XmlElement).map((aspectEl, ai) => {
    const aspectName = (attrValue(aspectEl, 'name') ?? '').trim();
    const ad = describe(aspectEl);
    return {
      key: keyOf(aspectEl),
      label: { en: aspectName, nl: field(ad, FIELD.labelNl) },
      groups: codeChildren(aspectEl).map((groupEl, gi): Group => {
        const gd = describe(groupEl);
        const fullName = (attrValue(groupEl, 'name') ?? '').trim();
        const groupName = fullName.startsWith(`${aspectName}: `) ? fullName.slice(aspectName.length + 2).trim() : fullName;
        const rawSource = field(gd, FIELD.source).toLowerCase();
        if (rawSource && rawSource !== 'literature' && rawSource !== 'instrument')
          problems.push(problem('bad-source', `Source "${rawSource}" is neither "literature" nor "instrument".`, at(groupEl)));
        const source = rawSource === 'instrument' || (!rawSource && !/literat/i.test(groupName)) ? 'instrument' : 'literature';
        const instrument = field(gd, FIELD.instrument);
        const dimension = field(gd, FIELD.dimension);
        return {
          key: keyOf(groupEl),
          source,
          ...(instrument ? { instrument } : {}),
          ...(dimension ? { dimension } : {}),
          label: { en: groupName, nl: field(gd, FIELD.labelNl) },
          behaviours: codeChildren(groupEl).map((bEl, bi) => {
            for (const deeper of codeChildren(bEl))
              problems.push(problem('qdc-too-deep', 'Concord codebooks have three levels of codes (aspect, group, behaviour); this code is a fourth.', at(deeper)));
            return readBehaviour(bEl, keyOf(bEl), `${ai + 1}.${gi + 1}.${bi + 1}`);
          }),
        };
      }),
    };
  });

  function readBehaviour(el: XmlElement, key: string, position: string): Behaviour {
    const d = describe(el);
    const name = (attrValue(el, 'name') ?? '').trim();
    const code = field(d, FIELD.code) || position;
    const label = hasField(d, FIELD.code) && name.startsWith(`${code} `) ? name.slice(code.length + 1).trim() : name;
    const fromField = field(d, FIELD.polarity).toLowerCase();
    const fromSets = [...(membership.get(key) ?? [])];
    if (fromField && fromField !== 'positive' && fromField !== 'negative')
      problems.push(problem('bad-polarity', `Polarity "${fromField}" of ${code} is neither "positive" nor "negative".`, at(el)));
    const conflict = fromSets.length > 1 || (fromField && fromSets[0] && fromSets[0] !== fromField);
    if (conflict) problems.push(problem('qdc-polarity-conflict', `${code} is marked both positive and negative (Polarity field and Sets disagree).`, at(el)));
    const definition = [d.preamble, field(d, FIELD.definition)].filter(Boolean).join('\n\n');
    const shortcut = field(d, FIELD.shortcut);
    return {
      key,
      code,
      label: { en: label, nl: field(d, FIELD.labelNl) },
      polarity: fromField === 'negative' || (!fromField && fromSets[0] === 'negative') ? 'negative' : 'positive',
      definition: { en: definition, nl: field(d, FIELD.definitionNl) },
      include: { en: field(d, FIELD.include), nl: field(d, FIELD.includeNl) },
      exclude: { en: field(d, FIELD.exclude), nl: field(d, FIELD.excludeNl) },
      examples: pairExamples(fieldValues(d, FIELD.example), fieldValues(d, FIELD.exampleNl)),
      ...(shortcut ? { shortcut } : {}),
    };
  }

  const codebook: Codebook = { name: baseName(file), aspects, ratingScales };
  for (const p of validateCodebook(codebook)) {
    const t = p.target ?? {};
    const el = elementOf.get(t.behaviourKey ?? t.groupKey ?? t.aspectKey ?? t.scaleKey ?? '');
    problems.push({ ...p, file, ...(el ? { line: el.line, column: el.column } : {}) });
  }
  return problems.length ? { ok: false, problems: sortProblems(problems) } : { ok: true, codebook };
}

function describe(el: XmlElement): ParsedDescription {
  const desc = childElements(el).find((c) => c.local === 'Description');
  return readDescription(desc ? textContent(desc) : '');
}

/** A rating scale from its Set, or the reason it cannot be read. */
function readScale(set: XmlElement, label: string): RatingScale | string {
  const d = describe(set);
  const min = Number(field(d, FIELD.minimum));
  const max = Number(field(d, FIELD.maximum));
  if (!hasField(d, FIELD.minimum) || !hasField(d, FIELD.maximum) || !Number.isInteger(min) || !Number.isInteger(max))
    return `Rating scale "${label}" needs whole-number "Minimum:" and "Maximum:" fields in its description.`;
  const anchors = [];
  for (let v = min; v <= max; v++) {
    const text = { en: field(d, anchorField(v, false)), nl: field(d, anchorField(v, true)) };
    if (text.en || text.nl) anchors.push({ value: v, text });
  }
  const dimension = field(d, FIELD.dimension);
  const key = normalizeGuid(attrValue(set, 'guid') ?? '');
  return { key, label: { en: label, nl: field(d, FIELD.labelNl) }, min, max, anchors, ...(dimension ? { dimension } : {}) };
}
