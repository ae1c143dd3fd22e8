'use client';
import { signIn, signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="link-button" onClick={() => signOut({ callbackUrl: '/signin' })}>
      {label}
    </button>
  );
}

export function SsoButton({ id, label, callbackUrl }: { id: string; label: string; callbackUrl: string }) {
  return (
    <button type="button" className="secondary wide" onClick={() => signIn(id, { callbackUrl })}>
      {label}
    </button>
  );
}
