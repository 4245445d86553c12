/** How hard the client tries before giving up, and how it waits; `sleep` is injectable for tests. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 6). */
  maxAttempts?: number;
  /** First backoff, ms (default 100); doubles each attempt. */
  baseDelayMs?: number;
  /** Cap of one backoff, ms (default 5000). A Retry-After above it is still honoured up to maxRetryAfterMs. */
  maxDelayMs?: number;
  /** Longest Retry-After the client will wait for, ms (default 60000). */
  maxRetryAfterMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

export type ResolvedRetry = Required<RetryOptions>;

/** Waits, but wakes with the signal's reason when it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function resolveRetry(o: RetryOptions = {}): ResolvedRetry {
  return {
    maxAttempts: o.maxAttempts ?? 6,
    baseDelayMs: o.baseDelayMs ?? 100,
    maxDelayMs: o.maxDelayMs ?? 5000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 60_000,
    random: o.random ?? Math.random,
    sleep: o.sleep ?? abortableSleep,
    now: o.now ?? Date.now,
  };
}

/** Statuses worth another try: throttling and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || status === 500;
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Backoff before attempt `attempt + 1` (attempt counts from 1): "full jitter" exponential backoff,
 * so many clients hit by one outage spread out. A server's Retry-After is a floor, not a suggestion.
 */
export function backoffDelay(attempt: number, retryAfterMs: number | undefined, r: ResolvedRetry): number {
  const ceiling = Math.min(r.maxDelayMs, r.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(r.random() * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(Math.max(retryAfterMs, jittered), r.maxRetryAfterMs);
}
