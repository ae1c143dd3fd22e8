/*
 * The codebook pages' share of the message catalogue, in a form client components can take
 * as a prop: the server picks the `codebook.` and `codebookEditor.` keys in the user's
 * language (load-messages.ts), the client formats them here. Type-only imports, so no
 * catalogue is bundled for the browser.
 */
import type { Problem } from '@/lib/files/problems';
import type { MessageKey } from '@/lib/i18n/messages';

export type CodebookKey = Extract<MessageKey, `codebook.${string}` | `codebookEditor.${string}`>;
export type CodebookMessages = Record<CodebookKey, string>;
export type Params = Record<string, string | number>;
export type Tr = (key: CodebookKey, params?: Params) => string;

export function isCodebookKey(key: string): key is CodebookKey {
  return key.startsWith('codebook.') || key.startsWith('codebookEditor.');
}

export function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export function translatorFor(messages: CodebookMessages): Tr {
  return (key, params) => fill(messages[key] ?? key, params);
}

/** A problem in the user's language where the catalogue knows its code; else lib's English message. */
export function problemText(tr: Tr, p: Problem): string {
  const key = `codebookEditor.problem.${p.code}`;
  if (!isCodebookKey(key)) return p.message;
  const text = tr(key);
  return text === key ? p.message : text;
}
