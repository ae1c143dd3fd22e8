'use client';
import { useState } from 'react';

/** The generated methods paragraph in each language, ready to copy into a report. */
export function MethodsText({ title, copyLabel, copiedLabel, texts }: { title: string; copyLabel: string; copiedLabel: string; texts: { lang: string; label: string; text: string }[] }) {
  const [copied, setCopied] = useState('');
  return (
    <section aria-labelledby="methods-title" className="card methods">
      <h3 id="methods-title">{title}</h3>
      {texts.map((x) => (
        <div key={x.lang} className="methods-text">
          <h4>{x.label}</h4>
          <p lang={x.lang}>{x.text}</p>
          <button type="button" className="secondary small" onClick={() => void navigator.clipboard?.writeText(x.text).then(() => setCopied(x.lang))}>
            {copied === x.lang ? copiedLabel : copyLabel} ({x.label})
          </button>
        </div>
      ))}
    </section>
  );
}
