'use client';
/*
 * The codebook editor: a draft in memory, validated as you type, saved through a server
 * action. Reordering by drag or Alt+Arrow keys, new items take focus, moves and removals are
 * announced, leaving with unsaved edits asks first, and the tally grid preview follows the draft.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { Codebook, Locale, Localized } from '@/lib/codebook/model';
import type { CodebookProblem } from '@/lib/codebook/problems';
import { validateCodebook } from '@/lib/codebook/validate';
import { GridPreview } from '../GridPreview';
import { translatorFor, type CodebookMessages } from '../messages';
import { saveCodebookAction } from './actions';
import { AspectsEditor } from './AspectsEditor';
import { EditorContext, ItemProblemsContext, ProblemIndexContext, problemItemKey, reveal, type EditorApi } from './EditorContext';
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

  // Validation and the preview follow the draft at low priority, so typing stays immediate.
  const deferred = useDeferredValue(draft);
  const problems = useMemo(() => validateCodebook(deferred), [deferred]);
  const byItem = useMemo(() => indexProblems(problems), [problems]);
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
      isNew: (key) => created.current.has(key),
      markNew: (key) => void created.current.add(key),
      focusSoon: (id) => void (pendingFocus.current = id),
      announce: (text) => setAnnouncement((a) => ({ text, n: a.n + 1 })),
    }),
    [tr, locale, edit, groupLabel],
  );

  const save = useLatest(() => {
    if (validateCodebook(draft).length > 0) {
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
  });

  // Ctrl+S / Cmd+S saves from anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  // Elements memoized on the deferred draft: an urgent (typing) render skips them.
  const summary = useMemo(() => <ProblemSummary problems={problems} draft={deferred} tr={tr} />, [problems, deferred, tr]);
  const preview = useMemo(() => <GridPreview codebook={deferred} locale={locale} tr={tr} />, [deferred, locale, tr]);

  const stateText = !version
    ? tr('codebookEditor.first')
    : version.inUse
      ? tr('codebookEditor.newVersion', { number: version.number, next: version.number + 1 })
      : tr('codebookEditor.inPlace', { number: version.number });

  return (
    <EditorContext.Provider value={api}>
      <ProblemIndexContext.Provider value={byItem}>
        <div className="codebook-editor">
          <p className="hint">{stateText}</p>
          {summary}
          <ItemProblemsContext.Provider value={byItem.get('codebook') ?? []}>
            <div className="pair">
              <TextField itemKey="codebook" field="name" path={['name']} label={tr('codebookEditor.name')} value={draft.name} />
              <TextField itemKey="codebook" field="description" path={['description']} label={tr('codebookEditor.description')} value={draft.description ?? ''} multiline />
            </div>
          </ItemProblemsContext.Provider>
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
          {preview}
        </div>
      </ProblemIndexContext.Provider>
    </EditorContext.Provider>
  );
}

/** A stable function that always runs the latest `fn` (for listeners registered once). */
function useLatest(fn: () => void): () => void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return useCallback(() => ref.current(), []);
}

/** Problems by the key of the item they belong to. */
function indexProblems(problems: CodebookProblem[]): Map<string, CodebookProblem[]> {
  const out = new Map<string, CodebookProblem[]>();
  for (const p of problems) {
    const item = problemItemKey(p);
    out.set(item, [...(out.get(item) ?? []), p]);
  }
  return out;
}
