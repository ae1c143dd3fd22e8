/**
 * Versions of a codebook: what changed between two versions, and the rules for editing.
 *
 * Rules
 * - A version that sessions have been coded against is frozen: any change to it is saved as a
 *   new version (`needsNewVersion`). A version nobody coded against yet is edited in place.
 * - Identity is the `key`: relabelling or recoding a behaviour, moving it to another group or
 *   reordering it keeps its identity (and its tallies in later comparisons).
 * - Removing a behaviour that has tallies is refused unless the edit is saved as a new version
 *   (`checkRemoval`); the old sessions keep their frozen version.
 *
 * Pure functions.
 */
import { problem } from '@/lib/files/problems';
import type { Aspect, Behaviour, Codebook, Group, Localized, RatingScale } from './model';
import type { CodebookProblem } from './problems';

export interface FieldChange {
  /** Model field path: `label.en`, `polarity`, `group`, `order`, … */
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemRef {
  key: string;
  label: Localized;
  /** Behaviours only. */
  code?: string;
}

export interface ItemChange extends ItemRef {
  changes: FieldChange[];
}

export interface CollectionDiff {
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
}

export interface CodebookDiff {
  identical: boolean;
  /** Name and description of the codebook. */
  codebook: FieldChange[];
  aspects: CollectionDiff;
  groups: CollectionDiff;
  behaviours: CollectionDiff;
  ratingScales: CollectionDiff;
}

interface Placed<T> {
  item: T;
  parent: string;
}

const BEHAVIOUR_FIELDS = [
  'code', 'label.en', 'label.nl', 'polarity', 'definition.en', 'definition.nl', 'include.en', 'include.nl',
  'exclude.en', 'exclude.nl', 'examples', 'shortcut',
];
const GROUP_FIELDS = ['label.en', 'label.nl', 'source', 'instrument', 'dimension'];
const ASPECT_FIELDS = ['label.en', 'label.nl'];
const SCALE_FIELDS = ['label.en', 'label.nl', 'min', 'max', 'anchors', 'dimension'];

export function diffCodebooks(a: Codebook, b: Codebook): CodebookDiff {
  const codebook = compareFields(a, b, ['name', 'description']);
  const aspects = diffCollection(placeAspects(a), placeAspects(b), ASPECT_FIELDS, null);
  const groups = diffCollection(placeGroups(a), placeGroups(b), GROUP_FIELDS, 'aspect');
  const behaviours = diffCollection(placeBehaviours(a), placeBehaviours(b), BEHAVIOUR_FIELDS, 'group');
  const ratingScales = diffCollection(placeScales(a), placeScales(b), SCALE_FIELDS, null);
  const collections = [aspects, groups, behaviours, ratingScales];
  const identical =
    codebook.length === 0 && collections.every((c) => !c.added.length && !c.removed.length && !c.changed.length);
  return { identical, codebook, aspects, groups, behaviours, ratingScales };
}

/** A version that sessions were coded against must not change in place. */
export function needsNewVersion(diff: CodebookDiff, opts: { versionInUse: boolean }): boolean {
  return opts.versionInUse && !diff.identical;
}

/**
 * Refuses removing behaviours that have tallies, unless the edit becomes a new version.
 * Removing an aspect or group removes its behaviours, so they are checked too.
 */
export function checkRemoval(
  diff: CodebookDiff,
  talliedBehaviourKeys: Iterable<string>,
  opts: { asNewVersion: boolean },
): CodebookProblem[] {
  if (opts.asNewVersion) return [];
  const tallied = new Set(talliedBehaviourKeys);
  return diff.behaviours.removed
    .filter((b) => tallied.has(b.key))
    .map((b) => ({
      ...problem('removal-has-tallies', `Behaviour ${b.code ?? ''} "${b.label.en}" has tallies; remove it in a new version of the codebook.`),
      target: { behaviourKey: b.key },
    }));
}

export type EditAction = 'none' | 'edit-in-place' | 'new-version';

/** What saving `after` over `before` means: nothing, an in-place edit, or a new version. */
export function planEdit(
  before: Codebook,
  after: Codebook,
  opts: { versionInUse: boolean; talliedBehaviourKeys?: Iterable<string> },
): { diff: CodebookDiff; action: EditAction; problems: CodebookProblem[] } {
  const tallied = [...(opts.talliedBehaviourKeys ?? [])];
  const diff = diffCodebooks(before, after);
  if (diff.identical) return { diff, action: 'none', problems: [] };
  const inUse = opts.versionInUse || tallied.length > 0;
  const action: EditAction = needsNewVersion(diff, { versionInUse: inUse }) ? 'new-version' : 'edit-in-place';
  return { diff, action, problems: checkRemoval(diff, tallied, { asNewVersion: action === 'new-version' }) };
}

/** One English line per change, for a version history or the CLI. */
export function describeDiff(diff: CodebookDiff): string[] {
  const lines: string[] = diff.codebook.map((c) => `Codebook ${c.field}: ${show(c.before)} → ${show(c.after)}`);
  const kinds: [string, CollectionDiff][] = [
    ['aspect', diff.aspects], ['group', diff.groups], ['behaviour', diff.behaviours], ['rating scale', diff.ratingScales],
  ];
  for (const [kind, d] of kinds) {
    const name = (r: ItemRef) => (r.code ? `${r.code} "${r.label.en}"` : `"${r.label.en}"`);
    for (const r of d.added) lines.push(`Added ${kind} ${name(r)}`);
    for (const r of d.removed) lines.push(`Removed ${kind} ${name(r)}`);
    for (const c of d.changed)
      for (const f of c.changes) lines.push(`Changed ${kind} ${name(c)}: ${f.field} ${show(f.before)} → ${show(f.after)}`);
  }
  return lines;
}

function show(v: unknown): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}

function placeAspects(cb: Codebook): Map<string, Placed<Aspect>> {
  return new Map(cb.aspects.map((item) => [item.key, { item, parent: '' }]));
}

function placeGroups(cb: Codebook): Map<string, Placed<Group>> {
  return new Map(cb.aspects.flatMap((a) => a.groups.map((item) => [item.key, { item, parent: a.key }] as const)));
}

function placeBehaviours(cb: Codebook): Map<string, Placed<Behaviour>> {
  return new Map(
    cb.aspects.flatMap((a) => a.groups.flatMap((g) => g.behaviours.map((item) => [item.key, { item, parent: g.key }] as const))),
  );
}

function placeScales(cb: Codebook): Map<string, Placed<RatingScale>> {
  return new Map(cb.ratingScales.map((item) => [item.key, { item, parent: '' }]));
}

type Item = { key: string; label: Localized; code?: string };

function ref(item: Item): ItemRef {
  return item.code === undefined ? { key: item.key, label: item.label } : { key: item.key, label: item.label, code: item.code };
}

/**
 * Added / removed / changed by key. `parentField` names the move between parents
 * ("aspect" for groups, "group" for behaviours). Reordering is reported as an `order` change
 * for the items outside the longest common subsequence of their parent's order, so one item
 * moved up does not mark all its neighbours as reordered.
 */
function diffCollection<T extends Item>(
  before: Map<string, Placed<T>>,
  after: Map<string, Placed<T>>,
  fields: string[],
  parentField: string | null,
): CollectionDiff {
  const added = [...after.values()].filter((p) => !before.has(p.item.key)).map((p) => ref(p.item));
  const removed = [...before.values()].filter((p) => !after.has(p.item.key)).map((p) => ref(p.item));
  const reordered = reorderedKeys(before, after);
  const changed: ItemChange[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) continue;
    const changes = compareFields(was.item, now.item, fields);
    if (parentField && was.parent !== now.parent) changes.push({ field: parentField, before: was.parent, after: now.parent });
    else if (reordered.has(key)) changes.push({ field: 'order', before: indexIn(before, key), after: indexIn(after, key) });
    if (changes.length) changed.push({ ...ref(now.item), changes });
  }
  return { added, removed, changed };
}

function indexIn<T extends Item>(placed: Map<string, Placed<T>>, key: string): number {
  const parent = placed.get(key)?.parent;
  return [...placed.values()].filter((p) => p.parent === parent).findIndex((p) => p.item.key === key);
}

function reorderedKeys<T extends Item>(before: Map<string, Placed<T>>, after: Map<string, Placed<T>>): Set<string> {
  const byParent = (m: Map<string, Placed<T>>, other: Map<string, Placed<T>>) => {
    const out = new Map<string, string[]>();
    for (const [key, p] of m) {
      if (other.get(key)?.parent !== p.parent) continue; // new, removed or moved elsewhere
      out.set(p.parent, [...(out.get(p.parent) ?? []), key]);
    }
    return out;
  };
  const was = byParent(before, after);
  const now = byParent(after, before);
  const moved = new Set<string>();
  for (const [parent, keys] of now) {
    const kept = new Set(lcs(was.get(parent) ?? [], keys));
    for (const k of keys) if (!kept.has(k)) moved.add(k);
  }
  return moved;
}

/** Longest common subsequence of two key lists (O(n·m); codebooks are small). */
export function lcs(a: readonly string[], b: readonly string[]): string[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * cols + j] =
        a[i] === b[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i] as string);
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) i++;
    else j++;
  }
  return out;
}

function compareFields(a: object, b: object, fields: string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const before = getPath(a, field);
    const after = getPath(b, field);
    if (JSON.stringify(blankToNull(before)) !== JSON.stringify(blankToNull(after))) out.push({ field, before, after });
  }
  return out;
}

/** An absent optional field and an empty one are the same. */
function blankToNull(v: unknown): unknown {
  return v === undefined || v === '' ? null : v;
}

function getPath(obj: object, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
