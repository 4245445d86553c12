import type { Allocator } from '../allocator/index.ts';
import type { ChangeSet, Store } from '../store/index.ts';
import type { ControlPlaneMetrics, FullReloadReason } from '../observability/index.ts';
import type { AdmissionCache } from './admission-cache.ts';
import type { ScaleOutStats } from './scale-out-stats.ts';
import { expandRows } from './holding-rows.ts';
import type { HoldingRecord } from '../store/index.ts';

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
    const read = await rowsAround(cp, changes.servers, changes.rows);
    if (!read) {
      if (stats) stats.fullReloads++;
      cp.metrics.fullReload(reason);
      await reloadAll();
      return;
    }
    // The epoch tells the admission view its server index is stale (see `runAdmission`).
    cp.allocatorEpoch++;
    cp.allocator.replaceOwners(read.owners, expandRows(read.rows));
    cp.allocator.noteChangedElsewhere(changes.servers);
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

/** Rounds of widening before a catch-up gives up and reloads in full (writers raced it that often). */
const WIDENING_ROUNDS = 8;

/**
 * The rows to replace the owners on `servers` with, read so that memory stays whole. The rows are
 * read after the feed, so they may be newer than it: an owner that moved onto a server outside the
 * set (another writer freed it and took it since the feed was read) brings that server in, and with
 * it the owners memory still has there; so does a server memory has a replaced owner hold. The set widens until the rows name no server outside it, so
 * each server re-read ends up exactly as one read of the database saw it. Undefined when writers kept
 * moving for `WIDENING_ROUNDS` reads.
 */
async function rowsAround(
  cp: CatchUpTarget,
  changed: readonly string[],
  readWithFeed?: readonly HoldingRecord[],
): Promise<{ owners: Set<string>; rows: HoldingRecord[] } | undefined> {
  const servers = new Set(changed);
  for (let round = 0; round < WIDENING_ROUNDS; round++) {
    const inMemory = cp.allocator.ownersOnServers([...servers]);
    // The rows read with the feed hold every row of the owners on the changed servers and of the
    // endpoints inside them: enough when memory has no other owner there (else one may be gone).
    const prefetched = round === 0 && readWithFeed ? [...readWithFeed] : undefined;
    const readOwners = prefetched && new Set(prefetched.map((r) => r.owner));
    const covered = readOwners && [...inMemory].every((o) => readOwners.has(o));
    const rows = covered ? prefetched : await cp.store.holdingsAround!([...servers], [...inMemory]);
    const owners = new Set([...inMemory, ...rows.map((r) => r.owner)]);
    const before = servers.size;
    for (const r of rows) servers.add(r.server);
    // Replacing an owner also frees what memory has it hold elsewhere: those servers are re-read too.
    for (const owner of owners) {
      const h = cp.allocator.holdings(owner);
      for (const s of h?.servers ?? []) servers.add(`${h!.zone}/${s.serverId}`);
    }
    if (servers.size === before) return { owners, rows };
  }
  return undefined;
}
