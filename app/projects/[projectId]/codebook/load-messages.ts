import { en } from '@/lib/i18n/en';
import type { MessageKey, Translate } from '@/lib/i18n/messages';
import { isCodebookKey, type CodebookMessages } from './messages';

/** The codebook pages' messages in the user's language, for client components. */
export function codebookMessages(t: Translate): CodebookMessages {
  const keys = (Object.keys(en) as MessageKey[]).filter(isCodebookKey);
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as CodebookMessages;
}
