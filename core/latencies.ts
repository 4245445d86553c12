import type { Kind } from './generated/registry.ts';

/**
 * How long the cloud takes to provision each kind at time scale 1, in milliseconds. The control plane
 * simulates these; the applier uses them to start the longest chains first. One table, so the two agree.
 */
export const NOMINAL_LATENCY_MS: Readonly<Record<Kind, number>> = {
  Cluster: 30_000,
  ModelEndpoint: 20_000,
  FileSystem: 10_000,
  Volume: 3_000,
  Bucket: 1_000,
  // A pool reserves memory on servers its cluster already holds.
  KvCachePool: 5_000,
  // A queue is bookkeeping in the control plane.
  Queue: 500,
};

/** A delete releases rather than provisions, so it takes a fifth of a create. */
export const DELETE_LATENCY_FRACTION = 0.2;
