import { describe, expect, it } from 'vitest';
import { intervalAt, intervalHeading, intervalsOf } from '@/lib/sessions/intervals';

describe('cutting a recording into intervals', () => {
  it('gives ten whole 5-minute frames for a 50-minute talk', () => {
    const frames = intervalsOf(50 * 60, 5 * 60);
    expect(frames).toHaveLength(10);
    expect(frames.every((f) => !f.partial)).toBe(true);
    expect(frames.map(intervalHeading).slice(0, 3)).toEqual(['0–5', '5–10', '10–15']);
  });

  it('adds a final partial frame for the remainder', () => {
    const frames = intervalsOf(52 * 60, 5 * 60);
    expect(frames).toHaveLength(11);
    expect(frames.at(-1)).toEqual({ index: 10, startSeconds: 3000, endSeconds: 3120, partial: true });
    expect(intervalHeading(frames.at(-1)!)).toBe('50–52');
  });

  it('gives no frames for a zero or negative length', () => {
    expect(intervalsOf(0, 300)).toEqual([]);
    expect(intervalsOf(300, 0)).toEqual([]);
  });

  it('places a playhead time in its frame, clamping past the end', () => {
    expect(intervalAt(0, 3000, 300)).toBe(0);
    expect(intervalAt(299.9, 3000, 300)).toBe(0);
    expect(intervalAt(300, 3000, 300)).toBe(1);
    expect(intervalAt(9999, 3000, 300)).toBe(9);
  });
});
