import type { ApplyEvent } from './apply-types.ts';

const VERB: Record<string, string> = { create: 'creating', update: 'updating', replace: 'replacing', delete: 'deleting' };
const DONE: Record<string, string> = { create: 'created', update: 'updated', replace: 'replaced', delete: 'deleted' };

/**
 * One line per event, for logs and CI where redrawing the screen would
 * produce garbage. Times are relative to the start of the apply.
 */
export function formatEventLine(event: ApplyEvent, startedAt: number): string {
  const t = `[${formatSeconds(event.at - startedAt).padStart(6)}]`;
  switch (event.type) {
    case 'start':
      return `${t} ${event.address}: ${VERB[event.action] ?? event.action}...`;
    case 'retry':
      return `${t} ${event.address}: retrying (attempt ${event.attempt}) in ${formatSeconds(event.delayMs)}: ${event.error}`;
    case 'done':
      return `${t} ${event.address}: ${DONE[event.action] ?? event.action} after ${formatSeconds(event.elapsedMs)}`;
    case 'failed':
      return `${t} ${event.address}: FAILED after ${formatSeconds(event.elapsedMs)}: ${firstLine(event.error)}${event.code ? ` [${event.code}]` : ''}`;
    case 'skipped':
      return `${t} ${event.address}: skipped: ${event.reason}`;
  }
}

/** `0.0s`, `12.3s`, `2m05s`. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
