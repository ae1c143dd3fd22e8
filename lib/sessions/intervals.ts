/** One frame of a recording; the last one may be shorter (partial). */
export interface Interval {
  /** 0-based position. */
  index: number;
  startSeconds: number;
  endSeconds: number;
  partial: boolean;
}

/** Cuts a recording into fixed frames; a remainder becomes a final partial frame. */
export function intervalsOf(durationSeconds: number, intervalSeconds: number): Interval[] {
  if (!(durationSeconds > 0) || !(intervalSeconds > 0)) return [];
  const out: Interval[] = [];
  for (let start = 0, index = 0; start < durationSeconds; start += intervalSeconds, index++) {
    const end = Math.min(start + intervalSeconds, durationSeconds);
    out.push({ index, startSeconds: start, endSeconds: end, partial: end - start < intervalSeconds });
  }
  return out;
}

/** "0–5", "5–10", … in minutes, as paper forms head their columns. */
export function intervalHeading(interval: Interval): string {
  const fmt = (s: number) => (s % 60 === 0 ? String(s / 60) : (s / 60).toFixed(1));
  return `${fmt(interval.startSeconds)}–${fmt(interval.endSeconds)}`;
}

/** Which interval a playhead time falls in (the last one for times at or past the end). */
export function intervalAt(seconds: number, durationSeconds: number, intervalSeconds: number): number {
  const count = Math.ceil(durationSeconds / intervalSeconds);
  return Math.max(0, Math.min(count - 1, Math.floor(seconds / intervalSeconds)));
}
