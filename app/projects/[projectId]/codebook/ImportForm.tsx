'use client';
/*
 * Uploads a codebook file to the import route. Files over the limit are refused here, before
 * anything is sent; the server checks again. Problems are listed all at once.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { Problem } from '@/lib/files/problems';
import { translatorFor, type CodebookMessages } from './messages';
import { ProblemTable } from './ProblemTable';

interface Result {
  ok: boolean;
  message: string;
  problems?: Problem[];
}

export function ImportForm({ projectId, messages, maxBytes }: { projectId: string; messages: CodebookMessages; maxBytes: number }) {
  const tr = useMemo(() => translatorFor(messages), [messages]);
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setResult({ ok: false, message: tr('codebook.importChoose') });
    if (file.size > maxBytes) return setResult({ ok: false, message: tr('codebook.importTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) }) });
    const body = new FormData();
    body.set('file', file);
    setBusy(true);
    try {
      const res = await fetch(`/api/projects/${projectId}/codebook/import`, { method: 'POST', body });
      const data = (await res.json().catch(() => ({}))) as Partial<Result> & { error?: string };
      setResult({ ok: res.ok && !!data.ok, message: data.message ?? data.error ?? res.statusText, problems: data.problems });
      if (res.ok) {
        if (input.current) input.current.value = '';
        router.refresh();
      }
    } catch {
      setResult({ ok: false, message: tr('codebook.importFailed', { count: 0 }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card codebook-import">
      <h2 id={`${id}-title`}>{tr('codebook.import')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{tr('codebook.importFile')}</label>
          <input ref={input} id={`${id}-file`} name="file" type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json,.qdc,.xml" aria-describedby={`${id}-hint`} />
          <small id={`${id}-hint`} className="hint">
            {tr('codebook.importHint')}
          </small>
        </div>
        <button type="submit" className="primary" disabled={busy} aria-disabled={busy}>
          {busy ? tr('codebook.importing') : tr('codebook.importSubmit')}
        </button>
        <p role="status" className={result?.ok ? 'form-message ok' : 'form-message error'}>
          {result?.message ?? ''}
        </p>
      </form>
      {result?.problems && result.problems.length > 0 && <ProblemTable problems={result.problems} tr={tr} caption={tr('codebook.problems')} />}
    </section>
  );
}
