import { Registry } from 'prom-client';
import type { ZoneCapacity } from '../allocator/index.ts';
import { processRegistry } from './process-metrics.ts';
import { defineSeries, type Series } from './series.ts';

/** One zone and accelerator type of the allocator's capacity report: all the gauges need of it. */
export type ZoneCount = Pick<ZoneCapacity, 'region' | 'zone' | 'acceleratorType' | 'total' | 'free' | 'held' | 'unavailable'>;

/** Why an instance reloaded its whole state from the database. */
export type FullReloadReason = 'other_writer' | 'rolled_back' | 'catch_up_failed';

/**
 * What one control-plane instance counts. The call sites say what happened in one line; the series
 * and their labels live here. Nothing here is per project: labels are route patterns, status codes,
 * reasons, zones and accelerator types.
 */
export interface ControlPlaneMetrics {
  /**
   * A reply was sent: `route` is the registered pattern (`/v1/projects/:project/clusters`), never the
   * raw URL. A 412 also counts as an If-Match conflict: only a stale If-Match answers 412.
   */
  replied(method: string, route: string, status: number, seconds: number): void;
  /** A write transaction threw; counts a conflict when the database refused it for one, and the retry if it runs again. */
  writeFailed(error: unknown, retrying: boolean): void;
  /** A conflict found by the control plane itself (an If-Match naming an old version; later, a placement that lost a race). */
  conflict(reason: string): void;
  /** A retry of a write the control plane decided to run again (the database's own refusals go through `writeFailed`). */
  retried(reason: string): void;
  /** A create answered from its Idempotency-Key record. */
  replayed(): void;
  /** How many writes of other instances a check of the database found this instance behind by. */
  feedLag(behind: number): void;
  fullReload(reason: FullReloadReason): void;
  /** A read of one resource by name, answered from this instance's memory or from the database. */
  resourceRead(fromMemory: boolean): void;
  /** Starts timing an admission pass; call the result when the pass is done. */
  admissionPass(): () => void;
  /** Where the held and free gauges read from at each scrape (the allocator's capacity report). */
  capacityFrom(report: () => readonly ZoneCount[]): void;
  /** The Prometheus text exposition of this instance and its process. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** The database error codes that mean "lost a race", by the reason label they count under. */
const CONFLICT_CODES: Record<string, string> = { '40001': 'serialization', '40P01': 'deadlock', SQLITE_BUSY: 'busy', SQLITE_BUSY_SNAPSHOT: 'busy' };

/** A fresh set of series on a registry of its own. */
export function createControlPlaneMetrics(): ControlPlaneMetrics {
  const registry = new Registry();
  const s: Series = defineSeries(registry);
  let capacity: () => readonly ZoneCount[] = () => [];
  // Reasons that exist today start at 0, so a rate() over them has a series from the first scrape.
  for (const reason of ['serialization', 'deadlock', 'if_match', 'placement']) s.writeConflicts.inc({ reason }, 0);
  for (const reason of ['serialization', 'deadlock', 'placement']) s.writeRetries.inc({ reason }, 0);
  for (const reason of ['other_writer', 'rolled_back', 'catch_up_failed'] satisfies FullReloadReason[]) s.fullReloads.inc({ reason }, 0);
  for (const source of ['memory', 'database']) s.resourceReads.inc({ source }, 0);

  const refreshCapacity = () => {
    for (const g of [s.held, s.free, s.unavailable, s.total]) g.reset();
    for (const z of capacity()) {
      const labels = { region: z.region, zone: z.zone, accelerator_type: z.acceleratorType };
      s.held.set(labels, z.held);
      s.free.set(labels, z.free);
      s.unavailable.set(labels, z.unavailable);
      s.total.set(labels, z.total);
    }
  };

  return {
    replied(method, route, status, seconds) {
      s.requests.inc({ method, route, status: String(status) });
      s.requestSeconds.observe({ method, route }, seconds);
      if (status === 412) s.writeConflicts.inc({ reason: 'if_match' });
    },
    writeFailed(error, retrying) {
      const code = (error as { code?: unknown } | null)?.code;
      const reason = typeof code === 'string' ? CONFLICT_CODES[code] : undefined;
      if (reason === undefined) return;
      s.writeConflicts.inc({ reason });
      if (retrying) s.writeRetries.inc({ reason });
    },
    conflict: (reason) => s.writeConflicts.inc({ reason }),
    retried: (reason) => s.writeRetries.inc({ reason }),
    replayed: () => s.idempotentReplays.inc(),
    feedLag: (behind) => s.feedLag.set(behind),
    fullReload: (reason) => s.fullReloads.inc({ reason }),
    resourceRead: (fromMemory) => s.resourceReads.inc({ source: fromMemory ? 'memory' : 'database' }),
    admissionPass: () => s.admissionSeconds.startTimer(),
    capacityFrom(report) {
      capacity = report;
    },
    async render() {
      refreshCapacity();
      const [processText, instanceText] = await Promise.all([processRegistry().metrics(), registry.metrics()]);
      return `${processText}\n${instanceText}`;
    },
    contentType: registry.contentType,
  };
}
