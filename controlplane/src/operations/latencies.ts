import { DELETE_LATENCY_FRACTION, NOMINAL_LATENCY_MS } from '../../../core/index.ts';
import type { OperationType } from '../store/index.ts';

/** Simulated provisioning time per kind at time scale 1, in milliseconds (shared with the applier). */
export const KIND_LATENCY_MS: Readonly<Record<string, number>> = NOMINAL_LATENCY_MS;

/**
 * How long an operation takes. A time scale of 0 makes every operation finish in the request that
 * started it.
 */
export function operationLatencyMs(kind: string, type: OperationType, timeScale: number): number {
  if (timeScale <= 0) return 0;
  const base = KIND_LATENCY_MS[kind] ?? 1_000;
  return Math.round((type === 'delete' ? base * DELETE_LATENCY_FRACTION : base) * timeScale);
}
