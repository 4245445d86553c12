import type { Store } from '../../store/index.ts';
import type { Clock } from '../../operations/clock.ts';
import type { FaultSpec } from '../faults.ts';
import type { SecretBox } from '../secret-box.ts';
import type { Principal } from '../auth.ts';
import type { AllocatorPort } from './allocator-port.ts';

/**
 * Everything a request needs, in one place the routes share. The allocator and the project list
 * are caches of the store; `sync` refreshes them when another process wrote the same file.
 */
export interface ControlPlane {
  store: Store;
  allocator: AllocatorPort;
  clock: Clock;
  timeScale: number;
  faults: FaultSpec;
  random: () => number;
  secrets: SecretBox;
  authenticate: (authorization: string | undefined) => Principal;
  projects: Set<string>;
  /** Earliest due time of a running operation; undefined when none runs, so reads skip the database. */
  nextDueAt: number | undefined;
  /** Set when other processes may write the same database file (the embedded cloud). */
  sharedFile: boolean;
  /** Region used when a resource without a zone (a bucket) names none. */
  defaultRegion: string;
}

/** Reloads caches when another connection committed; cheap (one pragma) when nothing changed. */
export function syncControlPlane(cp: ControlPlane): void {
  if (!cp.sharedFile || !cp.store.changedElsewhere()) return;
  reloadControlPlane(cp);
}

export function reloadControlPlane(cp: ControlPlane): void {
  const { store } = cp;
  cp.allocator.load(store.listAllocations(), store.listQuotas(), store.listHealthMarks());
  cp.projects = new Set(store.listProjects());
  cp.nextDueAt = store.nextDueAt();
}

/**
 * Runs a change in one write transaction. If the transaction fails after the allocator committed
 * in memory, the allocator is rebuilt from the database so it never believes in rolled-back rows.
 */
export function writeTransaction<T>(cp: ControlPlane, fn: () => T): T {
  try {
    return cp.store.transaction(() => {
      syncControlPlane(cp);
      return fn();
    });
  } catch (e) {
    reloadControlPlane(cp);
    throw e;
  }
}
