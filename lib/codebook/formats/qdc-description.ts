/**
 * The labelled fields Concord writes into a REFI-QDA `<Description>` (the code memo that
 * ATLAS.ti, MAXQDA and NVivo show next to a code), so what the standard has no place for —
 * polarity, Dutch texts, inclusion and exclusion notes, examples, the short code, the
 * shortcut — travels with the code and stays readable there:
 *
 *   Definition: The worker makes a joke or laughs along with the family.
 *   Include: Gentle humour about a shared situation.
 *   Example: "Well, that went better than last week's parking!"
 *   Label (NL): Deelt een luchtig moment of een grap
 *   Definition (NL): De hulpverlener maakt een grap …
 *   Code: PI-EC1
 *   Polarity: positive
 *   Shortcut: j
 *
 * A field starts at the beginning of a line with a known name and a colon. A value that runs
 * over several lines continues on lines indented by two spaces. Text before the first field
 * (a plain memo written in another tool) is kept as "preamble". Names are matched
 * case-insensitively; values are trimmed.
 */

export const FIELD = {
  code: 'Code',
  polarity: 'Polarity',
  labelNl: 'Label (NL)',
  shortcut: 'Shortcut',
  definition: 'Definition',
  definitionNl: 'Definition (NL)',
  include: 'Include',
  includeNl: 'Include (NL)',
  exclude: 'Exclude',
  excludeNl: 'Exclude (NL)',
  example: 'Example',
  exampleNl: 'Example (NL)',
  source: 'Source',
  instrument: 'Instrument',
  dimension: 'Dimension',
  minimum: 'Minimum',
  maximum: 'Maximum',
} as const;

const KNOWN = new Set(Object.values(FIELD).map((n) => n.toLowerCase()));
const ANCHOR_RE = /^anchor (-?\d+)( \(nl\))?$/;
const FIELD_LINE = /^([A-Za-z][A-Za-z ]*?(?: -?\d+)?(?: \([A-Za-z]{2}\))?):[ \t]?(.*)$/;

export const anchorField = (value: number, dutch: boolean) => `Anchor ${value}${dutch ? ' (NL)' : ''}`;

export interface DescriptionField {
  name: string;
  value: string;
}

export interface ParsedDescription {
  preamble: string;
  fields: DescriptionField[];
}

/** Writes fields in the given order, skipping empty values unless `keepEmpty` lists the name. */
export function writeDescription(fields: [string, string][], keepEmpty: readonly string[] = []): string {
  return fields
    .filter(([name, value]) => value !== '' || keepEmpty.includes(name))
    .map(([name, value]) => {
      const [first = '', ...rest] = value.split('\n');
      return [first ? `${name}: ${first}` : `${name}:`, ...rest.map((l) => (l ? `  ${l}` : ''))].join('\n');
    })
    .join('\n');
}

export function readDescription(text: string): ParsedDescription {
  const preamble: string[] = [];
  const fields: { name: string; lines: string[] }[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const m = FIELD_LINE.exec(line);
    const name = m?.[1]?.trim().toLowerCase();
    if (m && name && (KNOWN.has(name) || ANCHOR_RE.test(name))) {
      fields.push({ name: canonicalName(name), lines: [m[2] ?? ''] });
      continue;
    }
    const current = fields[fields.length - 1];
    if (current) current.lines.push(line.replace(/^ {1,2}/, ''));
    else preamble.push(line);
  }
  return {
    preamble: preamble.join('\n').trim(),
    fields: fields.map((f) => ({ name: f.name, value: f.lines.join('\n').trim() })),
  };
}

function canonicalName(lower: string): string {
  const anchor = ANCHOR_RE.exec(lower);
  if (anchor) return anchorField(Number(anchor[1]), Boolean(anchor[2]));
  return Object.values(FIELD).find((n) => n.toLowerCase() === lower) ?? lower;
}

/** First value of a field ('' if absent). */
export function field(d: ParsedDescription, name: string): string {
  return d.fields.find((f) => f.name === name)?.value ?? '';
}

export function hasField(d: ParsedDescription, name: string): boolean {
  return d.fields.some((f) => f.name === name);
}

/** Every value of a repeatable field, in order (empty values kept, for pairing). */
export function fieldValues(d: ParsedDescription, name: string): string[] {
  return d.fields.filter((f) => f.name === name).map((f) => f.value);
}
