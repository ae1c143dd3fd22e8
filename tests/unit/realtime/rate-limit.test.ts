import { describe, expect, it } from 'vitest';
import { TokenBucket } from '@/server/realtime/limits';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the per-connection token bucket', () => {
  it('allows a burst up to its capacity, then refuses', () => {
    const c = clock();
    const bucket = new TokenBucket(5, 1, c.now);
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('refills at its rate and never beyond its capacity', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 100, c.now);
    for (let i = 0; i < 10; i++) bucket.take();
    c.advance(50); // 5 tokens
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    c.advance(60_000);
    for (let i = 0; i < 10; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('takes several tokens at once (bytes) and spends nothing when refusing', () => {
    const c = clock();
    const bucket = new TokenBucket(1000, 1000, c.now);
    expect(bucket.take(800)).toBe(true);
    expect(bucket.take(300)).toBe(false);
    expect(bucket.take(200)).toBe(true);
  });

  it('says how long to wait for the next token', () => {
    const c = clock();
    const bucket = new TokenBucket(2, 10, c.now);
    bucket.take(2);
    expect(bucket.waitFor(1)).toBe(100);
    c.advance(100);
    expect(bucket.waitFor(1)).toBe(0);
  });

  it('holds a flood to its rate over time', () => {
    const c = clock();
    const bucket = new TokenBucket(100, 50, c.now);
    let accepted = 0;
    for (let ms = 0; ms < 10_000; ms++) {
      for (let i = 0; i < 10; i++) if (bucket.take()) accepted++;
      c.advance(1);
    }
    expect(accepted).toBeGreaterThanOrEqual(100 + 50 * 10 - 1);
    expect(accepted).toBeLessThanOrEqual(100 + 50 * 10 + 1);
  });
});
