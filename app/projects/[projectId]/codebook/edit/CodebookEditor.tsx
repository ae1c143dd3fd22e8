'use client';
/*
 * The codebook editor: a draft in memory, validated as you type, saved through a server
 * action. Reordering by drag or Alt+Arrow keys, new items take focus, moves and removals are
 * announced, leaving with unsaved edits asks first, and the tally grid preview follows the draft.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { Codebook, Locale, Localized } from '@/lib/codebook/model';
import type { Problem } from '@/lib/codebook/problems';
import { validateCodebook } from '@/lib/codebook/validate';
import { GridPreview } from '../GridPreview';
import { translatorFor, type CodebookMessages } from '../messages';
import { saveCodebookAction } from './actions';
import { AspectsEditor } from './AspectsEditor';
import { EditorContext, problemItemKey, reveal, type EditorApi } from './EditorContext';
import { TextField } from './Fields';
import { PROBLEM_SUMMARY_ID, ProblemSummary } from './ProblemSummary';
import { ScalesEditor } from './ScaleEditor';
import { tidy, updateIn, type Path } from './draft';
import { useUnsavedWarning } from './useUnsavedWarning';

export interface EditorVersion {
  number: number;
  revision: string;
  /** Frozen or coded against: saving makes a new version. */
  inUse: boolean;
}

interface Props {
  projectId: string;
  initial: Codebook;
  version: EditorVersion | null;
  messages: CodebookMessages;
  locale: Locale;
  groupLabel: Localized;
}

const same = (a: Codebook, b: Codebook) => JSON.stringify(tidy(a)) === JSON.stringify(tidy(b));

export function CodebookEditor({ projectId, initial, version: initialVersion, messages, locale, groupLabel }: Props) {
  const tr = useMemo(() => translatorFor(messages), [messages]);
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const [saving, startSaving] = useTransition();
  const pendingFocus = useRef<string | null>(null);
  const created = useRef(new Set<string>());

  const problems = useMemo(() => validateCodebook(draft), [draft]);
  const byField = useMemo(() => indexProblems(problems), [problems]);
  const dirty = !same(draft, saved);
  useUnsavedWarning(dirty, tr('codebookEditor.leaveWarning'));

  useEffect(() => {
    const id = pendingFocus.current;
    pendingFocus.current = null;
    if (id) reveal(id);
  });

  const edit = useCallback((path: Path, fn: (old: unknown) => unknown) => setDraft((d) => updateIn(d, path, fn)), []);
  const api = useMemo<EditorApi>(
    () => ({
      tr,
      locale,
      edit,
      groupLabel,
      problemsAt: (itemKey, field) => byField.get(`${itemKey}|${field}`) ?? [],
      problemsOf: (itemKey) => byField.get(itemKey) ?? [],
      isNew: (key) => created.current.has(key),
      markNew: (key) => void created.current.add(key),
      focusSoon: (id) => void (pendingFocus.current = id),
      announce: (text) => setAnnouncement((a) => ({ text, n: a.n + 1 })),
    }),
    [tr, locale, edit, groupLabel, byField],
  );

  const save = () => {
    if (problems.length > 0) {
      setStatus({ ok: false, text: tr('codebookEditor.saveBlocked') });
      document.getElementById(PROBLEM_SUMMARY_ID)?.focus();
      return;
    }
    const snapshot = tidy(draft);
    startSaving(async () => {
      const result = await saveCodebookAction(projectId, snapshot, version?.revision ?? null);
      setStatus({ ok: result.ok, text: result.message });
      if (!result.ok) return;
      setSaved(snapshot);
      if (result.version) setVersion(result.version);
      router.refresh();
    });
  };

  const stateText = !version
    ? tr('codebookEditor.first')
    : version.inUse
      ? tr('codebookEditor.newVersion', { number: version.number, next: version.number + 1 })
      : tr('codebookEditor.inPlace', { number: version.number });

  return (
    <EditorContext.Provider value={api}>
      <div
        className="codebook-editor"
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            save();
          }
        }}
      >
        <p className="hint">{stateText}</p>
        <ProblemSummary problems={problems} draft={draft} tr={tr} />
        <div className="pair">
          <TextField itemKey="codebook" field="name" path={['name']} label={tr('codebookEditor.name')} value={draft.name} />
          <TextField itemKey="codebook" field="description" path={['description']} label={tr('codebookEditor.description')} value={draft.description ?? ''} multiline />
        </div>
        <AspectsEditor aspects={draft.aspects} />
        <ScalesEditor scales={draft.ratingScales} />
        <div className="editor-bar">
          <span className={dirty ? 'dirty' : 'muted'}>{dirty ? tr('codebookEditor.unsaved') : tr('codebookEditor.allSaved')}</span>
          <button type="button" className="primary" onClick={save} aria-disabled={problems.length > 0 || saving} aria-describedby="codebook-save-status">
            {saving ? tr('codebookEditor.saving') : tr('codebookEditor.save')}
          </button>
          <p id="codebook-save-status" role="status" className={status?.ok ? 'form-message ok' : 'form-message error'}>
            {status?.text ?? ''}
          </p>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement.text}
          {announcement.n % 2 ? '\u200b' : ''}
        </p>
        <GridPreview codebook={draft} locale={locale} tr={tr} />
      </div>
    </EditorContext.Provider>
  );
}

/** Problems by `itemKey|field` and by item key. */
function indexProblems(problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (k: string, p: Problem) => out.set(k, [...(out.get(k) ?? []), p]);
  for (const p of problems) {
    const item = problemItemKey(p);
    add(item, p);
    if (p.target?.field) add(`${item}|${p.target.field}`, p);
  }
  return out;
}
