'use client';
import { signIn } from 'next-auth/react';
import { useEffect, useRef } from 'react';
import { ActionForm, Field, SubmitButton, useFormState } from '@/app/_components/Form';
import type { ActionState } from '@/app/_server/action-result';

type Labels = Record<'name' | 'email' | 'password' | 'hint' | 'submit', string>;

export function InviteSignup({ action, email, labels }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; email: string; labels: Labels }) {
  return (
    <ActionForm action={action} label={labels.submit}>
      <Field name="name" label={labels.name} autoComplete="name" required />
      <Field name="email" type="email" label={labels.email} defaultValue={email} autoComplete="username" required />
      <Field name="password" type="password" label={labels.password} hint={labels.hint} autoComplete="new-password" required />
      <SubmitButton>{labels.submit}</SubmitButton>
      <SignInWhenJoined />
    </ActionForm>
  );
}

/** After the account exists and the invitation is accepted, sign in with what was typed. */
function SignInWhenJoined() {
  const state = useFormState();
  const anchor = useRef<HTMLSpanElement>(null);
  // React resets the form once the action completes, so keep the password as submitted.
  const password = useRef('');
  useEffect(() => {
    const form = anchor.current?.closest('form');
    const keep = () => {
      password.current = (form?.elements.namedItem('password') as HTMLInputElement | null)?.value ?? '';
    };
    form?.addEventListener('submit', keep, true);
    return () => form?.removeEventListener('submit', keep, true);
  }, []);
  useEffect(() => {
    if (!state.ok || !state.data?.projectId) return;
    void signIn('credentials', { redirect: false, email: state.data.email, password: password.current }).then(() => {
      window.location.assign(`/projects/${state.data!.projectId}`);
    });
  }, [state]);
  return <span ref={anchor} hidden />;
}
