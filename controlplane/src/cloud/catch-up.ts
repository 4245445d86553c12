import type { Allocator } from '../allocator/index.ts';
import type { ChangeSet, Store } from '../store/index.ts';
import type { ControlPlaneMetrics, FullReloadReason } from '../observability/index.ts';
import type { AdmissionCache } from './admission-cache.ts';
import type { ScaleOutStats } from './scale-out-stats.ts';
import { expandRows } from './holding-rows.ts';

/**
 * The caches a catch-up refreshes: a `ControlPlane` is one. Named here so the control plane can call
 * the catch-up without the two modules importing each other.
 */
export interface CatchUpTarget {
  store: Store;
  allocator: Allocator;
  allocatorEpoch: number;
  projects: Set<string>;
  nextDueAt: number | undefined;
  leaseDueAt?: number;
  admission?: AdmissionCache;
  scaleOut?: ScaleOutStats;
  metrics: ControlPlaneMetrics;
}

/**
 * Applies what other writers committed to this instance's caches: re-reads the holdings of the
 * servers they touched (and only those owners), and refreshes the scopes they named. A change set the
 * store cannot describe (`full`, or a store without the rows for it) reloads everything.
 */
export async function applyChanges(
  cp: CatchUpTarget,
  changes: ChangeSet,
  reloadAll: () => Promise<void>,
  reason: FullReloadReason = 'other_writer',
): Promise<void> {
  const { store } = cp;
  const stats = cp.scaleOut;
  if (changes.full || !store.holdingsAround) {
    if (stats) stats.fullReloads++;
    cp.metrics.fullReload(reason);
    await reloadAll();
    return;
  }
  if (stats) {
    stats.deltaCatchUps++;
    stats.serversReloaded += changes.servers.length;
  }
  if (changes.servers.length) {
    const inMemory = cp.allocator.ownersOnServers(changes.servers);
    const rows = await store.holdingsAround(changes.servers, [...inMemory]);
    const owners = new Set([...inMemory, ...rows.map((r) => r.owner)]);
    // The epoch tells the admission view its server index is stale (see `runAdmission`).
    cp.allocatorEpoch++;
    cp.allocator.replaceOwners(owners, expandRows(rows));
  }
  for (const scope of changes.scopes) {
    switch (scope) {
      case 'quotas':
        for (const q of await store.listQuotas()) cp.allocator.setQuota(q.project, q.acceleratorType, q.limit);
        break;
      case 'health':
        cp.allocatorEpoch++;
        for (const m of await store.listHealthMarks()) {
          try {
            if (m.type === 'accelerator') cp.allocator.markFaulty(m.target);
            else cp.allocator.drainServer(m.target);
          } catch {
            // A mark for hardware this inventory does not have: nothing to mark.
          }
        }
        break;
      case 'projects':
        cp.projects = new Set(await store.listProjects());
        break;
      case 'operations':
        cp.nextDueAt = await store.nextDueAt();
        break;
      case 'admission':
        cp.admission = undefined;
        break;
      case 'leases':
        // Active leases come ordered by expiry: the first is the next one any read must settle.
        cp.leaseDueAt = (await store.activeLeases())[0]?.expiresAt;
        break;
      case 'tokens':
        // Tokens are never revoked, and the authenticator caches only tokens it found.
        break;
    }
  }
}
