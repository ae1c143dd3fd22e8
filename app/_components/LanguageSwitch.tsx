'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { chooseLocale } from '@/app/_server/locale-action';
import { LOCALES, type Locale } from '@/lib/i18n/messages';

export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const [, start] = useTransition();
  const router = useRouter();
  return (
    <label className="lang">
      <span className="visually-hidden">{label}</span>
      <select value={locale} onChange={(e) => {
          const next = e.target.value;
          start(async () => {
            await chooseLocale(next);
            router.refresh();
          });
        }}>
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
