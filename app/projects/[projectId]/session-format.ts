import type { Translate } from '@/lib/i18n/messages';
import type { Session } from '@/lib/sessions/sessions';

/** "the last interval is 2.5 minutes (partial)", or '' when every interval is whole. */
export function partialNote(t: Translate, s: Session): string {
  const last = s.intervals.at(-1);
  if (!last?.partial) return '';
  const minutes = (last.endSeconds - last.startSeconds) / 60;
  return t('sessions.partialInterval', { minutes: Number.isInteger(minutes) ? minutes : minutes.toFixed(1) });
}
