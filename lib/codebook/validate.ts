/**
 * Codebook validation, used by the editor as you type and by every import.
 *
 * Rules (each problem `code` in brackets):
 * - the codebook has a name [empty-name] and at least one behaviour [no-behaviours];
 * - every key is a UUID [invalid-key] and unique across the codebook [duplicate-key];
 * - aspects, groups and behaviours have an English label [empty-label]; aspect labels are
 *   unique [duplicate-aspect], group labels unique within their aspect [duplicate-group];
 *   a group's source is `literature` or `instrument` [bad-source];
 * - a behaviour has a code [empty-code] of letters, digits, `.`, `_` or `-`, starting with a
 *   letter or digit, at most 32 characters [invalid-code], unique case-insensitively
 *   [duplicate-code]; polarity is `positive` or `negative` [bad-polarity];
 * - shortcuts: one letter (any alphabet), compared case-insensitively [invalid-shortcut],
 *   unique [shortcut-clash]. Keys the tally grid needs for itself are reserved
 *   [reserved-shortcut]: digits 0–9 (0 and 1 type a mark, the others move between intervals),
 *   Space, Enter, Tab, Escape, Backspace, Delete, the arrow keys, Home, End, PageUp, PageDown;
 * - labels, codes, examples and anchors are single-line [multiline-text]; no text contains
 *   control characters other than tab and line breaks [control-character]; labels are at most
 *   200 characters, longer texts at most 5,000 [too-long];
 * - rating scales: a label, integer min < max [invalid-scale]; anchors are integers within
 *   the scale [invalid-anchor], one per value [duplicate-anchor], with English text;
 *   a scale's dimension matches some group's dimension [unknown-dimension];
 * - at most 1,000 behaviours [too-many-behaviours] (a tally grid, a diff and a report stay
 *   usable; real codebooks have tens).
 *
 * Pure and synchronous; messages are English, the `code` is for translation.
 */
import { problem } from '@/lib/files/problems';
import { isUuid } from './keys';
import { GROUP_SOURCES, POLARITIES, type Codebook, type Localized } from './model';
import type { CodebookProblem, ProblemTarget } from './problems';

export const RESERVED_SHORTCUT_KEYS: readonly string[] = [
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  ' ', 'Space', 'Enter', 'Tab', 'Escape', 'Backspace', 'Delete',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown',
];

export const MAX_LABEL_LENGTH = 200;
export const MAX_TEXT_LENGTH = 5000;
export const MAX_CODE_LENGTH = 32;
export const MAX_BEHAVIOURS = 1000;
const CODE_RE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function isValidShortcut(value: string): boolean {
  return /^\p{L}$/u.test(value);
}

export function validateCodebook(cb: Codebook): CodebookProblem[] {
  const out: CodebookProblem[] = [];
  const add = (code: string, message: string, target: ProblemTarget) => out.push({ ...problem(code, message), target });
  const t = textChecker(add);

  if (!cb.name.trim()) add('empty-name', 'The codebook needs a name.', { field: 'name' });
  t.single(cb.name, 'codebook name', { field: 'name' });
  t.long(cb.description ?? '', 'codebook description', { field: 'description' });

  const keys = new Map<string, string>();
  const checkKey = (key: string, what: string, target: ProblemTarget) => {
    if (!isUuid(key)) add('invalid-key', `The key of ${what} is not a UUID: "${key}".`, { ...target, field: 'key' });
    else if (keys.has(key.toLowerCase()))
      add('duplicate-key', `${what} has the same key as ${keys.get(key.toLowerCase())}.`, { ...target, field: 'key' });
    else keys.set(key.toLowerCase(), what);
  };

  const aspectLabels = new Map<string, string>();
  const codes = new Map<string, { key: string; label: string }>();
  const shortcuts = new Map<string, { key: string; code: string }>();
  const dimensions = new Set<string>();
  let behaviourCount = 0;

  for (const aspect of cb.aspects) {
    const at: ProblemTarget = { aspectKey: aspect.key };
    const aspectName = `aspect "${aspect.label.en}"`;
    checkKey(aspect.key, aspectName, at);
    t.label(aspect.label, 'aspect', at);
    claim(aspectLabels, aspect.label.en, aspect.key, () =>
      add('duplicate-aspect', `There are two aspects called "${aspect.label.en.trim()}".`, { ...at, field: 'label.en' }),
    );

    const groupLabels = new Map<string, string>();
    for (const group of aspect.groups) {
      const gt: ProblemTarget = { aspectKey: aspect.key, groupKey: group.key };
      checkKey(group.key, `group "${group.label.en}" of ${aspectName}`, gt);
      t.label(group.label, 'group', gt);
      claim(groupLabels, group.label.en, group.key, () =>
        add('duplicate-group', `${aspectName} has two groups called "${group.label.en.trim()}".`, { ...gt, field: 'label.en' }),
      );
      if (!(GROUP_SOURCES as readonly string[]).includes(group.source))
        add('bad-source', `Source "${String(group.source)}" is neither "literature" nor "instrument".`, { ...gt, field: 'source' });
      t.single(group.instrument ?? '', 'instrument name', { ...gt, field: 'instrument' });
      t.single(group.dimension ?? '', 'dimension', { ...gt, field: 'dimension' });
      if (group.dimension?.trim()) dimensions.add(group.dimension.trim());

      for (const b of group.behaviours) {
        behaviourCount += 1;
        const bt: ProblemTarget = { ...gt, behaviourKey: b.key };
        const name = b.code.trim() || b.label.en.trim() || 'a behaviour';
        checkKey(b.key, `behaviour ${name}`, bt);
        const code = b.code.trim();
        if (!code) add('empty-code', `Behaviour "${b.label.en.trim()}" has no code.`, { ...bt, field: 'code' });
        else if (code.length > MAX_CODE_LENGTH || !CODE_RE.test(code))
          add('invalid-code', `Code "${code}" must be at most ${MAX_CODE_LENGTH} letters, digits, ".", "_" or "-", starting with a letter or digit.`, { ...bt, field: 'code' });
        if (code) {
          const first = codes.get(code.toLowerCase());
          if (first) add('duplicate-code', `Code "${code}" is already used by "${first.label}".`, { ...bt, field: 'code', otherKey: first.key });
          else codes.set(code.toLowerCase(), { key: b.key, label: b.label.en.trim() || code });
        }
        t.label(b.label, `behaviour ${name}`, bt);
        if (!(POLARITIES as readonly string[]).includes(b.polarity))
          add('bad-polarity', `Polarity "${String(b.polarity)}" of ${name} is neither "positive" nor "negative".`, { ...bt, field: 'polarity' });
        for (const f of ['definition', 'include', 'exclude'] as const) t.longPair(b[f], `${f} of ${name}`, bt, f);
        b.examples.forEach((ex, i) => t.pair(ex, `example ${i + 1} of ${name}`, bt, `examples.${i}`));
        if (b.shortcut !== undefined) checkShortcut(b.shortcut, b.key, name, bt);
      }
    }
  }
  if (behaviourCount === 0) add('no-behaviours', 'The codebook has no behaviours.', {});
  if (behaviourCount > MAX_BEHAVIOURS)
    add('too-many-behaviours', `The codebook has ${behaviourCount} behaviours; at most ${MAX_BEHAVIOURS} are allowed.`, {});

  function checkShortcut(raw: string, key: string, name: string, bt: ProblemTarget) {
    const target = { ...bt, field: 'shortcut' };
    if (RESERVED_SHORTCUT_KEYS.includes(raw)) {
      add('reserved-shortcut', `Shortcut "${raw}" of ${name} is reserved for the tally grid (digits, Space, Enter, arrows, …).`, target);
    } else if (!isValidShortcut(raw)) {
      add('invalid-shortcut', `Shortcut "${raw}" of ${name} must be a single letter.`, target);
    } else {
      const first = shortcuts.get(raw.toLowerCase());
      if (first) add('shortcut-clash', `Shortcut "${raw}" of ${name} is already used by ${first.code}.`, { ...target, otherKey: first.key });
      else shortcuts.set(raw.toLowerCase(), { key, code: name });
    }
  }

  for (const scale of cb.ratingScales) {
    const st: ProblemTarget = { scaleKey: scale.key };
    const name = `rating scale "${scale.label.en}"`;
    checkKey(scale.key, name, st);
    t.label(scale.label, 'rating scale', st);
    if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.min >= scale.max)
      add('invalid-scale', `The ${name} needs whole-number minimum and maximum, minimum below maximum.`, { ...st, field: 'min' });
    const seen = new Set<number>();
    scale.anchors.forEach((a, i) => {
      const at = { ...st, field: `anchors.${i}.value` };
      if (!Number.isInteger(a.value) || a.value < scale.min || a.value > scale.max)
        add('invalid-anchor', `Anchor ${a.value} of the ${name} is not a whole number from ${scale.min} to ${scale.max}.`, at);
      else if (seen.has(a.value)) add('duplicate-anchor', `The ${name} has two anchors for ${a.value}.`, at);
      seen.add(a.value);
      t.label(a.text, `anchor ${a.value} of the ${name}`, st, `anchors.${i}.text`);
    });
    if (scale.dimension?.trim() && !dimensions.has(scale.dimension.trim()))
      add('unknown-dimension', `The ${name} rates dimension "${scale.dimension}", which no group has.`, { ...st, field: 'dimension' });
  }
  return out;
}

/** First claim of a case-insensitive name wins; later ones call `onDuplicate`. */
function claim(seen: Map<string, string>, name: string, key: string, onDuplicate: () => void) {
  const norm = name.trim().toLowerCase();
  if (!norm) return;
  if (seen.has(norm)) onDuplicate();
  else seen.set(norm, key);
}

type Add = (code: string, message: string, target: ProblemTarget) => void;

function textChecker(add: Add) {
  const check = (value: string, what: string, target: ProblemTarget, max: number, singleLine: boolean) => {
    if (CONTROL_RE.test(value)) add('control-character', `The ${what} contains a control character.`, target);
    if (singleLine && /[\r\n]/.test(value)) add('multiline-text', `The ${what} must fit on one line.`, target);
    if (value.length > max) add('too-long', `The ${what} is longer than ${max} characters.`, target);
  };
  const pairWith = (text: Localized, what: string, target: ProblemTarget, prefix: string, max: number, single: boolean) => {
    check(text.en, what, { ...target, field: `${prefix}.en` }, max, single);
    check(text.nl, `Dutch ${what}`, { ...target, field: `${prefix}.nl` }, max, single);
  };
  return {
    single: (value: string, what: string, target: ProblemTarget) => check(value, what, target, MAX_LABEL_LENGTH, true),
    long: (value: string, what: string, target: ProblemTarget) => check(value, what, target, MAX_TEXT_LENGTH, false),
    pair: (text: Localized, what: string, target: ProblemTarget, field: string) =>
      pairWith(text, what, target, field, MAX_TEXT_LENGTH, true),
    longPair: (text: Localized, what: string, target: ProblemTarget, field: string) =>
      pairWith(text, what, target, field, MAX_TEXT_LENGTH, false),
    label: (text: Localized, what: string, target: ProblemTarget, field = 'label') => {
      if (!text.en.trim()) add('empty-label', `The ${what} has no (English) text.`, { ...target, field: `${field}.en` });
      pairWith(text, `text of the ${what}`, target, field, MAX_LABEL_LENGTH, true);
    },
  };
}
