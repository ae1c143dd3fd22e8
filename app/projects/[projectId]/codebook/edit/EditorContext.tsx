'use client';
/*
 * What every part of the editor needs: the message function, the draft's updater, the
 * validation problems by field, focus requests (new items get focus) and the live region.
 */
import { createContext, useContext } from 'react';
import type { Localized, Locale } from '@/lib/codebook/model';
import type { CodebookProblem } from '@/lib/codebook/problems';
import type { Path } from './draft';
import type { Tr } from '../messages';

export interface EditorApi {
  tr: Tr;
  locale: Locale;
  /** Replaces the value at `path` of the draft with `fn(old)`. */
  edit(path: Path, fn: (old: unknown) => unknown): void;
  /** Items added in this editing session start expanded. */
  isNew(key: string): boolean;
  markNew(key: string): void;
  /** Focuses the element with this id after the next render (opening closed details around it). */
  focusSoon(id: string): void;
  /** Says `text` in the editor's live region. */
  announce(text: string): void;
  /** The label of a new literature group, in both languages. */
  groupLabel: Localized;
}

export const EditorContext = createContext<EditorApi | null>(null);

/** The draft's validation problems by item key (see `problemItemKey`). */
export const ProblemIndexContext = createContext<ReadonlyMap<string, CodebookProblem[]>>(new Map());
/** The problems of the item whose fields are rendered below. */
export const ItemProblemsContext = createContext<readonly CodebookProblem[]>([]);

const NONE: CodebookProblem[] = [];

export function useItemProblems(itemKey: string): CodebookProblem[] {
  return useContext(ProblemIndexContext).get(itemKey) ?? NONE;
}

/** Same problems (by code and field): lets a memoized item skip a re-render. */
export function sameProblems(a: readonly CodebookProblem[], b: readonly CodebookProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.code === b[i]?.code && p.target?.field === b[i]?.target?.field);
}

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the codebook editor');
  return api;
}

/** The id of the input for `field` of item `itemKey` ('codebook' for the codebook's own fields). */
export function fieldId(itemKey: string, field: string): string {
  return `cb-${itemKey}-${field.replace(/\./g, '-')}`;
}

/** Which item a problem belongs to: the innermost of its target. */
export function problemItemKey(p: CodebookProblem): string {
  const t = p.target ?? {};
  return t.behaviourKey ?? t.groupKey ?? t.aspectKey ?? t.scaleKey ?? 'codebook';
}

/** Focuses an element, first opening every closed <details> around it. */
export function reveal(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.focus();
  return true;
}
