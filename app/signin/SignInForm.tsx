'use client';
import { signIn } from 'next-auth/react';
import { useId, useState, type FormEvent } from 'react';

type Labels = Record<'email' | 'password' | 'submit' | 'failed' | 'locked' | 'error', string>;

export function SignInForm({ callbackUrl, labels }: { callbackUrl: string; labels: Labels }) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setMessage('');
    const result = await signIn('credentials', { redirect: false, email: form.get('email'), password: form.get('password') });
    setPending(false);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setMessage(result?.error === 'locked' ? labels.locked : result?.error === 'CredentialsSignin' || result?.error === 'invalid' ? labels.failed : labels.error);
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={`${id}-msg`}>
      <div className="field">
        <label htmlFor={`${id}-email`}>{labels.email}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{labels.password}</label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="primary wide" disabled={pending}>
        {labels.submit}
      </button>
      <p id={`${id}-msg`} role="alert" className="form-message error">
        {message}
      </p>
    </form>
  );
}
