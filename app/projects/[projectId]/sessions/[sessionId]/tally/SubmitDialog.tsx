'use client';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { TallyStore } from '@/lib/tally/client-store';
import { summarizeTally } from '@/lib/tally/summary';
import type { SyncQueue } from '@/lib/tally/sync-queue';
import type { TallyLabels } from './labels';
import type { GridRow } from './TallyWorkspace';

/** Submit: a summary (marks per aspect, empty rows), a confirmation, then freeze. */
export function SubmitDialog({ api, store, queue, rows, intervalCount, labels }: { api: string; store: TallyStore; queue: SyncQueue | null; rows: GridRow[]; intervalCount: number; labels: TallyLabels }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ReturnType<typeof summarize> | null>(null);

  function summarize() {
    const result = summarizeTally(rows, store.all(), intervalCount);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return result.aspects.map((a) => ({
      aspect: rows.find((r) => r.aspectKey === a.aspectKey)?.aspect ?? '',
      marks: a.marks,
      empty: a.emptyRows.map((k) => `${byKey.get(k)?.code} ${byKey.get(k)?.label}`),
    }));
  }

  async function confirm() {
    setBusy(true);
    setMessage('');
    if (queue && (await queue.flush()) !== 'saved') {
      setMessage(labels.submitWaits);
      setBusy(false);
      return;
    }
    const res = await fetch(`${api}/submit`, { method: 'POST' }).catch(() => null);
    setBusy(false);
    if (!res) {
      setMessage(labels.submitWaits);
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string; revealed?: boolean };
    if (!res.ok) {
      setMessage(body.error ?? String(res.status));
      return;
    }
    dialog.current?.close();
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => {
          setSummary(summarize());
          setMessage('');
          dialog.current?.showModal();
        }}
      >
        {labels.submit}
      </button>
      <dialog ref={dialog} aria-labelledby="submit-title" className="submit-dialog">
        <h2 id="submit-title">{labels.submitTitle}</h2>
        {summary && (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{labels.marksPerAspect}</th>
                <th scope="col">{labels.marked}</th>
                <th scope="col">{labels.emptyRows}</th>
              </tr>
            </thead>
            <tbody>
              {summary.map((a) => (
                <tr key={a.aspect}>
                  <td>{a.aspect}</td>
                  <td>{a.marks}</td>
                  <td>{a.empty.length > 0 ? <small>{a.empty.join('; ')}</small> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p role="alert" className="form-message error">
          {message}
        </p>
        <div className="row">
          <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
            {labels.submitConfirm}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {labels.cancel}
          </button>
        </div>
      </dialog>
    </>
  );
}
