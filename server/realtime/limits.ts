/*
 * Limits of one realtime connection, and the token bucket that enforces rates.
 */

export interface RealtimeLimits {
  /** Largest frame accepted; larger ones close the connection with 1009 (ws does this). */
  maxMessageBytes: number;
  /** Messages per second a connection may send on average, and in a burst. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes per second a connection may send on average, and in a burst. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Awareness updates (cursors, presence) applied per second per connection; the rest are coalesced. */
  awarenessPerSecond: number;
  /** Messages buffered while a room loads; more close the connection. */
  maxQueuedWhileLoading: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 300,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  awarenessPerSecond: 10,
  maxQueuedWhileLoading: 200,
};

/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`; `take` spends
 * tokens if there are enough. Time comes from a monotonic clock in milliseconds.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = clock();
  }

  /** Spends `n` tokens if available; false (and nothing spent) otherwise. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until `n` tokens are available (0 if they are now). */
  waitFor(n = 1): number {
    this.refill();
    if (this.tokens >= n) return 0;
    return Math.ceil(((n - this.tokens) / this.perSecond) * 1000);
  }

  private refill(): void {
    const now = this.clock();
    const elapsed = now - this.last;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
      this.last = now;
    }
  }
}
