/**
 * The spreadsheet layout shared by CSV and XLSX: one row per behaviour.
 *
 * Required columns: aspect, group, code, label, polarity, definition.
 * Optional columns (read when present, always written): label_nl, definition_nl, include,
 * include_nl, exclude, exclude_nl, examples, examples_nl (one example per line inside the
 * cell, English and Dutch paired by line), shortcut, aspect_nl, group_nl, source
 * (literature | instrument), instrument, dimension, key, aspect_key, group_key.
 * Header names are matched case-insensitively; spaces and hyphens count as underscores.
 * Unknown columns are ignored.
 *
 * Without `source`, a group called "Literature"/"Literatuur" (anything containing "literat")
 * is from the literature, any other group from an instrument. Without key columns, keys are
 * derived from names (see keys.ts), so re-importing the same sheet gives the same identities.
 *
 * A spreadsheet cannot carry: the codebook's name (taken from the file name), description
 * and id, rating scales, and aspects or groups without behaviours.
 */
import type { TableRow } from '@/lib/files/csv';
import { problem, sortProblems } from '@/lib/files/problems';
import { derivedKey, normalizeUuid } from '../keys';
import { pairExamples, type Aspect, type Behaviour, type Codebook, type Group, type GroupSource, type Localized } from '../model';
import type { CodebookProblem, ImportResult } from '../problems';
import { validateCodebook } from '../validate';

export const REQUIRED_COLUMNS = ['aspect', 'group', 'code', 'label', 'polarity', 'definition'] as const;
export const OPTIONAL_COLUMNS = [
  'label_nl', 'definition_nl', 'include', 'include_nl', 'exclude', 'exclude_nl', 'examples', 'examples_nl',
  'shortcut', 'aspect_nl', 'group_nl', 'source', 'instrument', 'dimension', 'key', 'aspect_key', 'group_key',
] as const;
export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type Column = (typeof COLUMNS)[number];

export function codebookToTable(cb: Codebook): string[][] {
  const rows: string[][] = [[...COLUMNS]];
  for (const aspect of cb.aspects) {
    for (const group of aspect.groups) {
      for (const b of group.behaviours) {
        const cell: Record<Column, string> = {
          aspect: aspect.label.en, group: group.label.en, code: b.code, label: b.label.en, polarity: b.polarity,
          definition: b.definition.en, label_nl: b.label.nl, definition_nl: b.definition.nl,
          include: b.include.en, include_nl: b.include.nl, exclude: b.exclude.en, exclude_nl: b.exclude.nl,
          examples: b.examples.map((e) => e.en).join('\n'), examples_nl: b.examples.map((e) => e.nl).join('\n'),
          shortcut: b.shortcut ?? '', aspect_nl: aspect.label.nl, group_nl: group.label.nl, source: group.source,
          instrument: group.instrument ?? '', dimension: group.dimension ?? '',
          key: b.key, aspect_key: aspect.key, group_key: group.key,
        };
        rows.push(COLUMNS.map((c) => cell[c]));
      }
    }
  }
  return rows;
}

/** Cells that may not be empty (definition may). */
const MUST_FILL = ['aspect', 'group', 'code', 'label', 'polarity'] as const;

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

export function tableToCodebook(input: TableRow[], opts: { file: string; name: string }): ImportResult<Codebook> {
  const { file } = opts;
  const at = (line: number, column?: string) => (column === undefined ? { file, line } : { file, line, column });
  const rows = input
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.replace(/\r\n?/g, '\n')) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows[0];
  if (!header) return { ok: false, problems: [problem('empty-file', 'The file has no rows.', { file })] };

  const hasRequired = (r: TableRow) => {
    const names = r.cells.map(normalizeHeader);
    return REQUIRED_COLUMNS.every((c) => names.includes(c));
  };
  const realHeader = rows.slice(0, 30).find(hasRequired);
  if (realHeader && realHeader.row !== 1) {
    const message = `The header row (${REQUIRED_COLUMNS.join(', ')}) must be row 1, but it is row ${realHeader.row}. Delete the rows above it.`;
    return { ok: false, problems: [problem('header-not-on-row-1', message, at(realHeader.row))] };
  }

  const problems: CodebookProblem[] = [];
  const index = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = normalizeHeader(raw);
    if (!name) return;
    if (index.has(name)) problems.push(problem('duplicate-column', `Column "${name}" appears twice in the header.`, at(header.row, name)));
    else index.set(name, i);
  });
  for (const c of REQUIRED_COLUMNS)
    if (!index.has(c)) problems.push(problem('missing-column', `The header has no column "${c}".`, at(header.row, c)));
  if (problems.length) return { ok: false, problems };
  const body = rows.slice(1);
  if (!body.length) return { ok: false, problems: [problem('no-behaviours', 'The file has a header but no behaviours.', at(header.row + 1))] };

  const aspects: Aspect[] = [];
  const aspectByName = new Map<string, Aspect>();
  const groupByName = new Map<string, Group>();
  const aspectRows = new Map<string, number>();
  const groupRows = new Map<string, number>();
  const behaviourRows = new Map<string, number>();
  const firstSeen = new Map<string, { value: string; row: number }>();
  const usedKeys = new Set<string>();
  const getters = new Map<number, (c: Column) => string>();

  /** Aspect/group properties must agree across the rows that share the aspect/group. */
  const consistent = (scope: string, column: Column, value: string, row: number, what: string) => {
    if (!index.has(column)) return;
    const id = `${scope}\u0000${column}`;
    const first = firstSeen.get(id);
    if (!first) firstSeen.set(id, { value, row });
    else if (first.value !== value)
      problems.push(problem('inconsistent-' + what, `Column ${column} says "${value}" here but "${first.value}" on row ${first.row} for the same ${what}.`, at(row, column)));
  };

  for (const { row, cells } of body) {
    const get = (c: Column) => {
      const i = index.get(c);
      const raw = i === undefined ? '' : (cells[i] ?? '');
      // Example cells keep leading empty lines: line n pairs with line n of the other language.
      return c === 'examples' || c === 'examples_nl' ? raw.trimEnd() : raw.trim();
    };
    const extra = cells.findIndex((c, i) => i >= header.cells.length && c.trim() !== '');
    if (extra >= 0)
      problems.push(problem('extra-cell', `This row has more cells than the header has columns (a value with a comma must be in quotes).`, at(row, String(extra + 1))));
    getters.set(row, get);
    for (const c of MUST_FILL) if (!get(c)) problems.push(problem('missing-value', `The ${c} is empty.`, at(row, c)));

    const aspectName = get('aspect');
    const groupName = get('group');
    const keyFrom = (column: Column, fallback: () => string) => {
      const raw = get(column);
      if (!raw) return fallback();
      const key = normalizeUuid(raw);
      if (!key) problems.push(problem('invalid-key', `"${raw}" is not a UUID.`, at(row, column)));
      return key ?? fallback();
    };

    let aspect = aspectByName.get(aspectName);
    if (!aspect) {
      aspect = { key: keyFrom('aspect_key', () => derivedKey('aspect', aspectName)), label: { en: aspectName, nl: get('aspect_nl') }, groups: [] };
      aspects.push(aspect);
      aspectByName.set(aspectName, aspect);
      aspectRows.set(aspect.key, row);
    }
    consistent(`a:${aspectName}`, 'aspect_nl', get('aspect_nl'), row, 'aspect');
    consistent(`a:${aspectName}`, 'aspect_key', get('aspect_key'), row, 'aspect');

    const groupId = `${aspectName}\u0000${groupName}`;
    let group = groupByName.get(groupId);
    if (!group) {
      const source = readSource(get('source'), groupName);
      if (!source) problems.push(problem('bad-source', `Source "${get('source')}" is neither "literature" nor "instrument".`, at(row, 'source')));
      group = {
        key: keyFrom('group_key', () => derivedKey('group', aspectName, groupName)),
        source: source ?? 'literature',
        ...optional('instrument', get('instrument')),
        ...optional('dimension', get('dimension')),
        label: { en: groupName, nl: get('group_nl') },
        behaviours: [],
      };
      aspect.groups.push(group);
      groupByName.set(groupId, group);
      groupRows.set(group.key, row);
    }
    for (const c of ['group_nl', 'source', 'instrument', 'dimension', 'group_key'] as const)
      consistent(`g:${groupId}`, c, get(c), row, 'group');

    const code = get('code');
    const key = keyFrom('key', () => {
      const derived = derivedKey('behaviour', code);
      return usedKeys.has(derived) ? derivedKey('behaviour', code, String(row)) : derived;
    });
    usedKeys.add(key);
    const polarity = get('polarity').toLowerCase();
    const behaviour: Behaviour = {
      key,
      code,
      label: pair(get('label'), get('label_nl')),
      polarity: polarity as Behaviour['polarity'],
      definition: pair(get('definition'), get('definition_nl')),
      include: pair(get('include'), get('include_nl')),
      exclude: pair(get('exclude'), get('exclude_nl')),
      examples: examplesFrom(get('examples'), get('examples_nl')),
      ...optional('shortcut', get('shortcut')),
    };
    group.behaviours.push(behaviour);
    behaviourRows.set(key, row);
  }

  const codebook: Codebook = { name: opts.name, aspects, ratingScales: [] };
  for (const p of validateCodebook(codebook)) {
    const t = p.target ?? {};
    const line = (t.behaviourKey && behaviourRows.get(t.behaviourKey)) || (t.groupKey && groupRows.get(t.groupKey)) || (t.aspectKey && aspectRows.get(t.aspectKey)) || undefined;
    const level = t.behaviourKey ? 'behaviour' : t.groupKey ? 'group' : 'aspect';
    const other = t.otherKey ? behaviourRows.get(t.otherKey) : undefined;
    const message = other ? `${p.message.replace(/\.$/, '')} (row ${other}).` : p.message;
    const column = columnFor(t.field, level);
    const emptyCell = line !== undefined && column !== undefined && (MUST_FILL as readonly string[]).includes(column);
    if (emptyCell && getters.get(line)?.(column) === '') continue; // already reported as missing-value
    problems.push({ ...p, message, file, ...(line ? { line } : {}), ...(column ? { column } : {}) });
  }
  if (problems.length) return { ok: false, problems: sortProblems(problems, COLUMNS) };
  return { ok: true, codebook };
}

function readSource(raw: string, groupName: string): GroupSource | undefined {
  const value = raw.toLowerCase();
  if (value === 'literature' || value === 'instrument') return value;
  if (value) return undefined;
  return /literat/i.test(groupName) ? 'literature' : 'instrument';
}

function optional<K extends string>(name: K, value: string): { [P in K]?: string } {
  return (value ? { [name]: value } : {}) as { [P in K]?: string };
}

function pair(en: string, nl: string): Localized {
  return { en, nl };
}

function examplesFrom(en: string, nl: string): Localized[] {
  const split = (s: string) => (s.trim() ? s.split('\n').map((x) => x.trim()) : []);
  return pairExamples(split(en), split(nl));
}

/** Which spreadsheet column holds a model field, for pointing problems at cells. */
function columnFor(field: string | undefined, level: 'aspect' | 'group' | 'behaviour'): Column | undefined {
  if (!field) return undefined;
  const [head, second, third] = field.split('.');
  if (level !== 'behaviour') {
    if (head === 'label') return `${level}${second === 'nl' ? '_nl' : ''}` as Column;
    if (head === 'key') return `${level}_key` as Column;
    return (COLUMNS as readonly string[]).includes(head ?? '') ? (head as Column) : undefined;
  }
  if (head === 'examples') return third === 'nl' ? 'examples_nl' : 'examples';
  const name = second === 'nl' ? `${head}_nl` : head;
  return (COLUMNS as readonly string[]).includes(name ?? '') ? (name as Column) : undefined;
}
