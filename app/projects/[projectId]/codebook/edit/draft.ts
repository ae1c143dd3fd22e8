/*
 * The editor's operations on a draft codebook: pure, immutable updates addressed by key, so
 * unchanged parts keep their identity. Items are addressed by paths such as
 * ['aspects', { key }, 'groups', { key }, 'behaviours', { key }, 'label', 'en'].
 */
import { newKey } from '@/lib/codebook/keys';
import type { Aspect, Behaviour, Codebook, Group, Localized, RatingScale } from '@/lib/codebook/model';

export type Step = string | number | { key: string };
export type Path = readonly Step[];
/** Replaces the value at `path` with `fn(old)`, copying only the objects along the way. */
export function updateIn<T>(root: T, path: Path, fn: (old: unknown) => unknown): T {
  if (path.length === 0) return fn(root) as T;
  const [step, ...rest] = path as [Step, ...Step[]];
  if (Array.isArray(root)) {
    const list = root as unknown[];
    const index = typeof step === 'number' ? step : typeof step === 'object' ? list.findIndex((x) => (x as { key?: string }).key === step.key) : -1;
    if (index < 0 || index >= list.length) return root;
    const copy = [...list];
    copy[index] = updateIn(list[index], rest, fn);
    return copy as T;
  }
  if (root && typeof root === 'object' && typeof step === 'string') {
    const obj = root as Record<string, unknown>;
    return { ...obj, [step]: updateIn(obj[step], rest, fn) } as T;
  }
  return root;
}

/** The value at `path`, if any. */
export function getIn(root: unknown, path: Path): unknown {
  let cur = root;
  for (const step of path) {
    if (Array.isArray(cur)) cur = typeof step === 'number' ? cur[step] : typeof step === 'object' ? cur.find((x) => (x as { key?: string }).key === step.key) : undefined;
    else if (cur && typeof cur === 'object' && typeof step === 'string') cur = (cur as Record<string, unknown>)[step];
    else return undefined;
  }
  return cur;
}

/** Moves one element of a list from `from` to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export const listOf = (old: unknown): unknown[] => (Array.isArray(old) ? old : []);
export const without = (index: number) => (old: unknown) => listOf(old).filter((_, i) => i !== index);
export const withoutKey = (key: string) => (old: unknown) => listOf(old).filter((x) => (x as { key?: string }).key !== key);
export const appended = (item: unknown) => (old: unknown) => [...listOf(old), item];

const blank = (): Localized => ({ en: '', nl: '' });

export function blankCodebook(name: string): Codebook {
  return { name, aspects: [], ratingScales: [] };
}

export function newBehaviour(): Behaviour {
  return { key: newKey(), code: '', label: blank(), polarity: 'positive', definition: blank(), include: blank(), exclude: blank(), examples: [] };
}

export function newGroup(label: Localized = blank()): Group {
  return { key: newKey(), source: 'literature', label: { ...label }, behaviours: [] };
}

/** A new aspect starts with one literature group, ready for behaviours. */
export function newAspect(groupLabel: Localized): Aspect {
  return { key: newKey(), label: blank(), groups: [newGroup(groupLabel)] };
}

export function newScale(): RatingScale {
  return { key: newKey(), label: blank(), min: -3, max: 3, anchors: [] };
}

/** The number of behaviours below an item (for "remove … with its n behaviours?"). */
export function behaviourCount(item: Aspect | Group): number {
  return 'groups' in item ? item.groups.reduce((n, g) => n + g.behaviours.length, 0) : item.behaviours.length;
}

/** Drops optional fields left empty, so a saved draft equals what the server stores. */
export function tidy(cb: Codebook): Codebook {
  const desc = cb.description?.trim() ? { description: cb.description } : {};
  const { description: _d, ...rest } = cb;
  return {
    ...rest,
    ...desc,
    aspects: cb.aspects.map((a) => ({
      ...a,
      groups: a.groups.map(({ instrument, dimension, ...g }) => ({
        ...g,
        ...(instrument?.trim() ? { instrument } : {}),
        ...(dimension?.trim() ? { dimension } : {}),
        behaviours: g.behaviours.map(({ shortcut, ...b }) => ({ ...b, ...(shortcut ? { shortcut } : {}) })),
      })),
    })),
    ratingScales: cb.ratingScales.map(({ dimension, ...s }) => ({ ...s, ...(dimension?.trim() ? { dimension } : {}) })),
  };
}
