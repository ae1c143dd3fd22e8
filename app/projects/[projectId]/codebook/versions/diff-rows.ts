/*
 * A version diff (lib/codebook/versions.ts) as rows for a readable table: one row per added
 * or removed item and per changed field, with before and after as plain text.
 */
import { localized, type Codebook, type Locale, type Localized } from '@/lib/codebook/model';
import type { CodebookDiff, CollectionDiff, ItemRef } from '@/lib/codebook/versions';
import { isCodebookKey, type Tr } from '../messages';

export type DiffKind = 'codebook' | 'aspect' | 'group' | 'behaviour' | 'scale';

export interface DiffRow {
  kind: DiffKind;
  name: string;
  change: string;
  before: string;
  after: string;
}

/** Aspect and group names by key, in both versions (a behaviour's group change holds keys). */
function parentNames(cbs: Codebook[], locale: Locale): Map<string, string> {
  const names = new Map<string, string>();
  for (const cb of cbs)
    for (const a of cb.aspects) {
      names.set(a.key, localized(a.label, locale));
      for (const g of a.groups) names.set(g.key, `${localized(a.label, locale)} / ${localized(g.label, locale)}`);
    }
  return names;
}

function show(value: unknown, field: string, names: Map<string, string>, none: string): string {
  if (value === undefined || value === null || value === '') return none;
  if (field === 'group' || field === 'aspect') return names.get(String(value)) ?? String(value);
  if (field === 'order' && typeof value === 'number') return String(value + 1);
  if (field === 'examples' && Array.isArray(value)) return (value as Localized[]).map((e) => [e.en, e.nl].filter(Boolean).join(' / ')).join('\n') || none;
  if (field === 'anchors' && Array.isArray(value))
    return (value as { value: number; text: Localized }[]).map((a) => `${a.value}: ${a.text.en}`).join('\n') || none;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function fieldLabel(field: string, tr: Tr): string {
  const key = `codebook.field.${field}`;
  return isCodebookKey(key) && tr(key) !== key ? tr(key) : field;
}

export function diffRows(diff: CodebookDiff, from: Codebook, to: Codebook, locale: Locale, tr: Tr): DiffRow[] {
  const names = parentNames([from, to], locale);
  const none = tr('codebook.diffEmpty');
  const rows: DiffRow[] = diff.codebook.map((c) => ({
    kind: 'codebook',
    name: to.name,
    change: fieldLabel(c.field, tr),
    before: show(c.before, c.field, names, none),
    after: show(c.after, c.field, names, none),
  }));
  const collections: [DiffKind, CollectionDiff][] = [
    ['aspect', diff.aspects],
    ['group', diff.groups],
    ['behaviour', diff.behaviours],
    ['scale', diff.ratingScales],
  ];
  const nameOf = (r: ItemRef) => [r.code, localized(r.label, locale)].filter(Boolean).join(' ');
  for (const [kind, d] of collections) {
    for (const r of d.added) rows.push({ kind, name: nameOf(r), change: tr('codebook.diffAdded'), before: '', after: '' });
    for (const r of d.removed) rows.push({ kind, name: nameOf(r), change: tr('codebook.diffRemoved'), before: '', after: '' });
    for (const c of d.changed)
      for (const f of c.changes)
        rows.push({ kind, name: nameOf(c), change: fieldLabel(f.field, tr), before: show(f.before, f.field, names, none), after: show(f.after, f.field, names, none) });
  }
  return rows;
}
