import type { OperationType } from '../store/index.ts';

/** Simulated provisioning time per kind at time scale 1, in milliseconds (the figures). */
export const KIND_LATENCY_MS: Readonly<Record<string, number>> = {
  Cluster: 30_000,
  ModelEndpoint: 20_000,
  FileSystem: 10_000,
  Volume: 3_000,
  Bucket: 1_000,
  // Not given by the issue; a pool reserves memory on servers the cluster already holds.
  KvCachePool: 5_000,
};

/**
 * How long an operation takes. Deletes take a fifth of a create because releasing is cheaper than
 * provisioning; a time scale of 0 makes every operation finish in the request that started it.
 */
export function operationLatencyMs(kind: string, type: OperationType, timeScale: number): number {
  if (timeScale <= 0) return 0;
  const base = KIND_LATENCY_MS[kind] ?? 1_000;
  return Math.round((type === 'delete' ? base / 5 : base) * timeScale);
}
