import type { Allocator } from '../allocator/index.ts';
import { WriteConflict, type ChangeSet, type Mutex, type Store } from '../store/index.ts';
import type { Clock } from '../operations/index.ts';
import type { FaultSpec } from './faults.ts';
import type { SecretBox } from './secret-box.ts';
import type { Principal } from './principal.ts';
import { expandRows } from './holding-rows.ts';
import type { AdmissionCache } from './admission-cache.ts';
import type { LeaseHooks } from './lease-hooks.ts';
import { applyChanges } from './catch-up.ts';
import type { ScaleOutStats } from './scale-out-stats.ts';
import type { ControlPlaneMetrics } from '../observability/index.ts';

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
  authenticate: (authorization: string | undefined) => Promise<Principal>;
  projects: Set<string>;
  /** Earliest due time of a running operation; undefined when none runs, so reads skip the database. */
  nextDueAt: number | undefined;
  /** Set when other processes may write the same database (the embedded cloud's file, PostgreSQL instances). */
  sharedFile: boolean;
  /**
   * Held by a write transaction and by a reload: requests in flight take turns on the caches, so a
   * reload never replaces the allocator under a change that is still deciding.
   */
  exclusive: Mutex;
  /** Region used when a resource without a zone (a bucket) names none. */
  defaultRegion: string;
  /** The admission state and the gang stage's view between passes; see `AdmissionCache` for when it is dropped. */
  admission?: AdmissionCache;
  /** Earliest expiry of an active capacity lease; undefined when none is active. */
  leaseDueAt?: number;
  /** Capacity leases (docs/leases.md), when this control plane has them. */
  leases?: LeaseHooks;
  /**
   * Set while a catch-up or the undoing of a failed write has not finished: memory may be behind
   * the feed's cursor, so the next catch-up reloads everything.
   */
  cachesBehind?: boolean;
  /** How this instance keeps up with others on one database (catch-ups, full reloads, conflicts). */
  scaleOut?: ScaleOutStats;
  /** This instance's Prometheus series (`GET /metrics`). */
  metrics: ControlPlaneMetrics;
  /**
   * Settles what is due (`advance`). Where it is set, a write run with `settleDueFirst` that finds work
   * due once it has caught up inside its transaction settles that first and runs again, so a request
   * that skipped the catch-up before it (see `projectGuard`) still writes after every due operation,
   * as a caught-up one would.
   */
  settleDue?: () => Promise<void>;
}

/** Reloads caches when another connection or instance committed; cheap (one query) when nothing changed. */
export async function syncControlPlane(cp: ControlPlane): Promise<void> {
  if (!cp.sharedFile) return;
  const release = await cp.exclusive.acquire();
  try {
    await syncHeld(cp);
  } finally {
    release();
  }
}

async function syncHeld(cp: ControlPlane): Promise<void> {
  const behind = cp.cachesBehind === true;
  if (!cp.sharedFile && !behind) return;
  // The feed's cursor moves when it is read: a catch-up that fails after that (a query on a
  // connection the database ended) must not leave memory behind a cursor that claims it has caught
  // up, or a later write would decide on stale holdings and the commit check would not see it.
  const changes = cp.sharedFile ? await cp.store.changesElsewhere() : undefined;
  const todo = behind ? { full: true, servers: [], scopes: [] } : changes;
  if (!todo) return;
  cp.cachesBehind = true;
  await applyChanges(cp, todo, () => reloadControlPlane(cp), behind ? 'catch_up_failed' : 'other_writer');
  cp.cachesBehind = false;
}

export async function reloadControlPlane(cp: ControlPlane): Promise<void> {
  const { store } = cp;
  cp.admission = undefined;
  await reloadAllocator(cp);
  cp.projects = new Set(await store.listProjects());
  cp.nextDueAt = await store.nextDueAt();
  await cp.leases?.loadExpiry(cp);
}

/** Rebuilds the allocator from the store: holdings, then quotas and health marks. */
export async function reloadAllocator(cp: ControlPlane): Promise<void> {
  const { store, allocator } = cp;
  cp.allocatorEpoch++;
  const [rows, quotas, marks] = [await store.listAllocations(), await store.listQuotas(), await store.listHealthMarks()];
  allocator.load(expandRows(rows));
  for (const q of quotas) allocator.setQuota(q.project, q.acceleratorType, q.limit);
  for (const m of marks) {
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
export async function changeHoldings(cp: ControlPlane, write: (store: Store) => Promise<void>, apply: (allocator: Allocator) => void): Promise<void> {
  await write(cp.store);
  cp.allocatorEpoch++;
  apply(cp.allocator);
}

/** How often a change is run again after the database refused it for a conflict (a deadlock, a serialization failure). */
const CONFLICT_RETRIES = 5;
/** Runs again on caught-up state after another instance changed what a change decided on, before it locks its zones alone. */
const OPTIMISTIC_RETRIES = 3;

/**
 * Runs a change in one write transaction. When it throws (or the commit fails) after the allocator
 * changed in memory, the allocator re-reads what the change had touched (everything when the store
 * cannot say), so it never believes in rows that were rolled back; a refusal that changed nothing
 * costs no reload. A conflict the database reports as retryable, or another instance's change to a
 * supernode or quota this one decided on, runs the change again from the start on caught-up state;
 * after a few such losses the change locks its zones first, so a large gang always gets its turn.
 */
export async function writeTransaction<T>(cp: ControlPlane, fn: () => Promise<T>, options: { exclusive?: boolean; settleDueFirst?: boolean } = {}): Promise<T> {
  let lost = 0;
  let lockFirst: string[] | undefined;
  // At most one settling pass first: an operation another instance is settling stays due until it commits.
  let settled = options.settleDueFirst !== true || !cp.settleDue;
  let dueFirst = false;
  for (let attempt = 0; ; attempt++) {
    if (dueFirst) {
      // Nothing was written or decided: settle with the caches let go, then run the change again.
      dueFirst = false;
      await cp.settleDue!();
    }
    const release = await cp.exclusive.acquire();
    let epoch = cp.allocatorEpoch;
    let touched: ChangeSet | undefined;
    try {
      return await cp.store.transaction(
        async () => {
          await syncHeld(cp);
          // What the catch-up applied is committed elsewhere: only this change's own moves need undoing.
          epoch = cp.allocatorEpoch;
          if (!settled && isDue(cp)) {
            dueFirst = true;
            throw DUE_FIRST;
          }
          return fn();
        },
        { exclusive: options.exclusive, lockFirst, onRollback: (t) => (touched = t), catchUp: cp.sharedFile },
      );
    } catch (e) {
      if (dueFirst) {
        settled = true;
        attempt--;
        continue;
      }
      // The admission state saved inside the transaction was rolled back (and a pass may have changed the view).
      cp.admission = undefined;
      try {
        await undoInMemory(cp, cp.allocatorEpoch !== epoch, touched);
      } catch {
        // The rows could not be read back (the database is gone for now): the next change, or the
        // next read's catch-up, reloads everything first; the caller hears the change's own error.
        cp.cachesBehind = true;
      }
      if (e instanceof WriteConflict) {
        if (cp.scaleOut) {
          cp.scaleOut.writeConflicts++;
          cp.scaleOut.writeRetries++;
        }
        cp.metrics.conflict('placement');
        // Past the optimistic tries, lock the zones (and quotas) it claimed before deciding again.
        if (++lost >= OPTIMISTIC_RETRIES) lockFirst = [...new Set([...(lockFirst ?? []), ...e.claims])];
        if (lost <= OPTIMISTIC_RETRIES + CONFLICT_RETRIES) {
          cp.metrics.retried('placement');
          continue;
        }
        throw e;
      }
      cp.metrics.writeFailed(e, isRetryableConflict(e) && attempt < CONFLICT_RETRIES);
      if (!isRetryableConflict(e) || attempt >= CONFLICT_RETRIES) throw e;
      if (cp.scaleOut) cp.scaleOut.writeRetries++;
    } finally {
      release();
    }
  }
}

/**
 * After a failed write: re-reads what the change had made the allocator believe (everything when the
 * store cannot say what it touched), and the caches a rolled-back write may have changed. A store that
 * says what the change touched (PostgreSQL) names the scopes whose caches it may have moved: the
 * project list moves only with a project written, the next due time only with an operation that runs
 * (see `putOperation` in pg-feed-writes.ts), so a write that lost a placement race costs no re-read
 * of them.
 */
async function undoInMemory(cp: ControlPlane, allocatorChanged: boolean, touched: ChangeSet | undefined): Promise<void> {
  if (allocatorChanged) {
    // Health marks and quotas are only ever set in memory, never unset: those need everything re-read.
    const partial = touched && touched.servers.length && !touched.scopes.some((s) => s === 'health' || s === 'quotas');
    if (!partial) {
      if (cp.scaleOut) cp.scaleOut.fullReloads++;
      cp.metrics.fullReload('rolled_back');
      await reloadControlPlane(cp);
      return;
    }
    // The scopes the change named are re-read with its servers.
    await applyChanges(cp, touched, () => reloadControlPlane(cp), 'rolled_back');
    return;
  }
  if (!touched || touched.scopes.includes('projects')) cp.projects = new Set(await cp.store.listProjects());
  if (!touched || touched.scopes.includes('operations')) cp.nextDueAt = await cp.store.nextDueAt();
}

/**
 * Thrown inside a write transaction to roll it back unchanged when due work must be settled first. It
 * carries a code, as the store's own refusals do: an error without one marks the connection broken.
 */
const DUE_FIRST = Object.assign(new Error('due work is settled first'), { code: 'AICLOUD_SETTLE_FIRST' });

/** Whether a settling pass has anything to do: the condition under which `advance` does not return at once. */
function isDue(cp: ControlPlane): boolean {
  const now = cp.clock.now();
  return (cp.nextDueAt !== undefined && now >= cp.nextDueAt) || cp.leases?.due(cp, now) === true;
}

/** PostgreSQL's codes for a transaction that lost a race and may simply run again. */
function isRetryableConflict(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
