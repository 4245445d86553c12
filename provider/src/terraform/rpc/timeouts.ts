// Reading the `timeouts` block.
import { TfUnknown } from '../cty/unknown-value.ts';
import { parseDuration } from '../schema/parse-duration.ts';
import { TIMEOUT_OPERATIONS, type TimeoutOperation } from '../schema/timeouts-block.ts';
import { SEVERITY, type WireDiagnostic } from '../wire/messages.ts';

/** Without a timeout, apply waits this long, which covers the slowest simulated operation many times over. */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

export function checkTimeouts(block: unknown): WireDiagnostic[] {
  if (!block || typeof block !== 'object' || block instanceof TfUnknown) return [];
  const out: WireDiagnostic[] = [];
  for (const op of TIMEOUT_OPERATIONS) {
    const v = (block as Record<string, unknown>)[op];
    if (typeof v === 'string' && parseDuration(v) === undefined) {
      out.push({
        severity: SEVERITY.ERROR,
        summary: `Invalid ${op} timeout ${JSON.stringify(v)}`,
        detail: 'Write a duration such as `30s`, `10m` or `1h30m`.',
        attribute: { steps: [{ attribute_name: 'timeouts' }, { attribute_name: op }] },
      });
    }
  }
  return out;
}

export function timeoutMs(block: unknown, op: TimeoutOperation): number {
  const v = block && typeof block === 'object' ? (block as Record<string, unknown>)[op] : undefined;
  return (typeof v === 'string' ? parseDuration(v) : undefined) ?? DEFAULT_TIMEOUT_MS;
}
