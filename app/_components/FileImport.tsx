'use client';
/** Uploads one file to an import route and lists every problem it reports. */
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';

export function FileImport({ endpoint, accept, maxBytes, labels }: { endpoint: string; accept: string; maxBytes: number; labels: { title: string; file: string; hint: string; submit: string; tooLarge: string } }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; problems?: string[] } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    if (file.size > maxBytes) return setResult({ ok: false, message: labels.tooLarge });
    const body = new FormData();
    body.set('file', file);
    setBusy(true);
    const res = await fetch(endpoint, { method: 'POST', body }).catch(() => null);
    setBusy(false);
    const data = (await res?.json().catch(() => null)) as { ok?: boolean; message?: string; error?: string; problems?: string[] } | null;
    setResult({ ok: !!res?.ok, message: data?.message ?? data?.error ?? String(res?.status ?? ''), problems: data?.problems });
    if (res?.ok) router.refresh();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{labels.title}</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>{labels.file}</label>
        <input ref={input} id={`${id}-file`} type="file" accept={accept} aria-describedby={`${id}-hint`} />
        <small id={`${id}-hint`} className="hint">
          {labels.hint}
        </small>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {labels.submit}
      </button>
      <div role="status" aria-live="polite">
        {result && <p className={result.ok ? 'form-message ok' : 'form-message error'}>{result.message}</p>}
        {result?.problems && (
          <ul className="problems">
            {result.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
