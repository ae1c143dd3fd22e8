/**
 * What a session is for. Only research sessions count in results, statistics and the review
 * desk; a gold session is a calibration recording whose consensus is the gold standard; a
 * calibration session is one round of trainees tallying that recording.
 */
export const SESSION_PURPOSES = ['research', 'gold', 'calibration'] as const;
export type SessionPurpose = (typeof SESSION_PURPOSES)[number];

export function asPurpose(stored: string): SessionPurpose {
  return (SESSION_PURPOSES as readonly string[]).includes(stored) ? (stored as SessionPurpose) : 'research';
}
