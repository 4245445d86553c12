import type { Allocator } from '../../allocator/index.ts';
import type { Store } from '../../store/index.ts';
import type { Clock } from '../../operations/clock.ts';
import type { FaultSpec } from '../faults.ts';
import type { SecretBox } from '../secret-box.ts';
import type { Principal } from '../auth.ts';
import { expandRows } from './holding-rows.ts';

/**
 * Everything a request needs, in one place the routes share. The allocator and the project list
 * are caches of the store; `sync` refreshes them when another process wrote the same file.
 */
export interface ControlPlane {
  store: Store;
  /** The accelerator allocator, always equal to the store's holdings, quotas and health marks. */
  allocator: Allocator;
  /** Bumped before every change to the allocator, so a failed transaction knows to reload it. */
  allocatorEpoch: number;
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
  reloadAllocator(cp);
  cp.projects = new Set(store.listProjects());
  cp.nextDueAt = store.nextDueAt();
}

/** Rebuilds the allocator from the store: holdings, then quotas and health marks. */
export function reloadAllocator(cp: ControlPlane): void {
  const { store, allocator } = cp;
  cp.allocatorEpoch++;
  allocator.load(expandRows(store.listAllocations()));
  for (const q of store.listQuotas()) allocator.setQuota(q.project, q.acceleratorType, q.limit);
  for (const m of store.listHealthMarks()) {
    try {
      if (m.type === 'accelerator') allocator.markFaulty(m.target);
      else allocator.drainServer(m.target);
    } catch {
      // A mark for hardware the inventory no longer has (the inventory file changed): nothing to mark.
    }
  }
}

/**
 * A change to what owners hold: the database rows are written first, then the allocator makes the
 * same change in memory. Call it inside `writeTransaction`, after the other writes of the change.
 */
export function changeHoldings(cp: ControlPlane, write: (store: Store) => void, apply: (allocator: Allocator) => void): void {
  write(cp.store);
  cp.allocatorEpoch++;
  apply(cp.allocator);
}

/**
 * Runs a change in one write transaction. When it throws (or the commit fails) after the allocator
 * changed in memory, the allocator is rebuilt from the database, so it never believes in rows that
 * were rolled back; a refusal that changed nothing costs no reload.
 */
export function writeTransaction<T>(cp: ControlPlane, fn: () => T): T {
  const epoch = cp.allocatorEpoch;
  try {
    return cp.store.transaction(() => {
      syncControlPlane(cp);
      return fn();
    });
  } catch (e) {
    if (cp.allocatorEpoch !== epoch) reloadControlPlane(cp);
    else {
      cp.projects = new Set(cp.store.listProjects());
      cp.nextDueAt = cp.store.nextDueAt();
    }
    throw e;
  }
}
