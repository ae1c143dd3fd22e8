'use client';
import { useActionState, useState } from 'react';
import { useFormState } from '@/app/_components/Form';
import type { ActionState } from '@/app/_server/action-result';

/** Shows the invitation link a successful invite returned, with a copy button. */
export function InvitationLink({ label, copyLabel, copiedLabel }: { label: string; copyLabel: string; copiedLabel: string }) {
  const state = useFormState();
  const [copied, setCopied] = useState(false);
  const link = state.data?.link;
  if (!link) return null;
  return (
    <div className="field">
      <label htmlFor="invitation-link">{label}</label>
      <div className="row">
        <input id="invitation-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
          {copied ? copiedLabel : copyLabel}
        </button>
      </div>
    </div>
  );
}

/** Removing a member is destructive: ask first. */
export function RemoveMemberButton({ action, label, confirmText }: { action: (s: ActionState) => Promise<ActionState>; label: string; confirmText: string }) {
  const [state, run] = useActionState(action, { ok: false });
  return (
    <form action={run} onSubmit={(e) => (window.confirm(confirmText) ? undefined : e.preventDefault())} className="inline">
      <button type="submit" className="danger small">
        {label}
      </button>
      {state.message && !state.ok && <small className="field-error">{state.message}</small>}
    </form>
  );
}
