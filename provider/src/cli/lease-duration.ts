import { parseDuration } from './parse-duration.ts';

/** The longest a lease may run, as the control plane enforces it (docs/leases.md). */
export const MAX_LEASE_MS = 7 * 24 * 3_600_000;

/**
 * Milliseconds for `--lease` and `--by`: a duration of whole seconds from 1s to 7 days, or the reason
 * it is not one. Checked here so the error names the flag the user typed, and `0` or `500ms` is not
 * quietly turned into one second.
 */
export function parseLeaseDuration(text: string): number | string {
  const ms = parseDuration(text);
  if (ms === undefined) return 'use a duration such as 30s, 5m or 1h';
  if (ms < 1000 || ms % 1000 !== 0) return 'a lease runs for whole seconds: use 1s or more, such as 30s, 5m or 1h';
  if (ms > MAX_LEASE_MS) return 'a lease runs at most 7 days: use 168h or less';
  return ms;
}
