'use client';
import { isLocale, translator } from '@/lib/i18n/messages';

/** Client error boundary: a calm message from the catalogue, never server detail. */
export default function ErrorPage({ reset }: { reset: () => void }) {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  const t = translator(isLocale(lang) ? lang : 'en');
  return (
    <section className="narrow card" role="alert">
      <h1>{t('error.unexpected')}</h1>
      <button type="button" className="primary" onClick={reset}>
        {t('error.tryAgain')}
      </button>
    </section>
  );
}
