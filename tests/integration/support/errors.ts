/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A stack frame ("    at fn (file:1:2)") or an "…Error:" prefix: internals that must never reach a user. */
export function leaksInternals(text: string): boolean {
  const frameLine = /^\s+at (async )?\S+.*(\(.*\)|:\d+:\d+)$/m; // "    at f (x.js:1:2)", "    at x.js:1:2", "    at async Promise.all (index 0)"
  const inlineFrame = /\bat (async )?[\w$.<>[\] ]+ \([^()]*:\d+:\d+\)/; // a frame inside one long line (HTML, JSON)
  return frameLine.test(text) || inlineFrame.test(text) || text.includes('Error:');
}

/** The error a synchronous call throws; fails the test when it returns instead. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}
