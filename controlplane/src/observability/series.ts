import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Seconds; from a cached read (well under a millisecond) to a slow write behind a lock. */
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds; a pass over a short queue takes microseconds, a defragmentation pass over a large cloud far longer. */
const ADMISSION_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const CAPACITY_LABELS = ['region', 'zone', 'accelerator_type'] as const;

/**
 * Every series one control-plane instance exports, registered on its own registry (several instances
 * may run in one process, as in the tests). docs/scale-out.md lists them; keep the two in step.
 */
export function defineSeries(registry: Registry) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'aicloud_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'aicloud_http_request_duration_seconds',
      help: 'Time from receiving a request to sending its reply, by method and route pattern.',
      labelNames: ['method', 'route'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    writeConflicts: new Counter({
      name: 'aicloud_write_conflicts_total',
      help: 'Writes that lost a race: the database refused the transaction (serialization, deadlock, busy) or If-Match named an old version.',
      labelNames: ['reason'] as const,
      registers,
    }),
    writeRetries: new Counter({
      name: 'aicloud_write_retries_total',
      help: 'Write transactions run again from the start after a conflict.',
      labelNames: ['reason'] as const,
      registers,
    }),
    idempotentReplays: new Counter({
      name: 'aicloud_idempotent_replays_total',
      help: 'Creates answered with the stored reply of an earlier request with the same Idempotency-Key.',
      registers,
    }),
    feedLag: new Gauge({
      name: 'aicloud_change_feed_lag',
      help: 'Writes by other instances this instance had not seen at its last check of the database.',
      registers,
    }),
    resourceReads: new Counter({
      name: 'aicloud_resource_reads_total',
      help: 'Reads of one resource by name outside a write, by where they were answered from.',
      labelNames: ['source'] as const,
      registers,
    }),
    fullReloads: new Counter({
      name: 'aicloud_full_reloads_total',
      help: 'Reloads of the whole in-memory state (allocator, projects, due operations) from the database.',
      labelNames: ['reason'] as const,
      registers,
    }),
    admissionSeconds: new Histogram({
      name: 'aicloud_admission_pass_seconds',
      help: 'Time of one admission pass that had queued work to decide or moves to finish.',
      buckets: ADMISSION_BUCKETS,
      registers,
    }),
    held: new Gauge({
      name: 'aicloud_accelerators_held',
      help: "Accelerators held by clusters and endpoints, per zone and accelerator type, in this instance's memory.",
      labelNames: CAPACITY_LABELS,
      registers,
    }),
    free: new Gauge({
      name: 'aicloud_accelerators_free',
      help: 'Accelerators free to allocate (not held, not faulty, not draining), per zone and accelerator type.',
      labelNames: CAPACITY_LABELS,
      registers,
    }),
    unavailable: new Gauge({
      name: 'aicloud_accelerators_unavailable',
      help: 'Accelerators neither held nor free: marked faulty or on a draining server.',
      labelNames: CAPACITY_LABELS,
      registers,
    }),
    total: new Gauge({
      name: 'aicloud_accelerators_total',
      help: 'Accelerators the inventory has, per zone and accelerator type.',
      labelNames: CAPACITY_LABELS,
      registers,
    }),
  };
}

export type Series = ReturnType<typeof defineSeries>;
