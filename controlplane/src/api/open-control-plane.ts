import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createMutex, openPgStore, openSqliteStore, type Store } from '../store/index.ts';
import { systemClock, type Clock } from '../operations/index.ts';
import { Allocator } from '../allocator/index.ts';
import { claimsOfServer } from '../allocator/index.ts';
import { PARTITION_CATALOGUE } from '../../../core/index.ts';
import type { Inventory } from '../inventory/index.ts';
import { defaultInventory, loadInventoryFile } from '../inventory/index.ts';
import { createAuthenticator } from './auth.ts';
import { NO_FAULTS, advance, createSecretBox, bootstrap, reloadControlPlane, newScaleOutStats, type FaultSpec, type ControlPlane } from '../cloud/index.ts';
import { createControlPlaneMetrics } from '../observability/index.ts';
import { leaseHooks } from '../leases/index.ts';

/** How to open a control plane; `databaseUrl`, `dbPath` or `memory` picks the store. */
export interface OpenOptions {
  /** A postgres:// URL: several instances may serve one database. */
  databaseUrl?: string;
  /** With `databaseUrl`: the folder where a created admin token is written (admin.token). */
  dataDir?: string;
  dbPath?: string;
  memory?: boolean;
  inventory?: Inventory;
  inventoryFile?: string;
  timeScale?: number;
  faults?: FaultSpec;
  clock?: Clock;
  random?: () => number;
  /** Admin token to register (AICLOUD_BOOTSTRAP_TOKEN); otherwise one is made on first start. */
  bootstrapToken?: string;
  /** Other processes may open the same file (the embedded cloud). */
  sharedFile?: boolean;
}

export interface OpenedControlPlane {
  cp: ControlPlane;
  /** The admin token, when known: created or given on this start, or read back from admin.token. */
  adminToken: string | undefined;
  close(): Promise<void>;
}

/**
 * Opens the store, loads the inventory and the allocator from the database, and makes sure a
 * project and an admin token exist. Next to a database file it keeps `admin.token` and
 * `secret.key` (mode 0600); in memory both live only in the process.
 */
export async function openControlPlane(opts: OpenOptions): Promise<OpenedControlPlane> {
  const metrics = createControlPlaneMetrics();
  const store: Store = opts.databaseUrl
    ? await openPgStore({ url: opts.databaseUrl, onBehind: metrics.feedLag, onResourceRead: metrics.resourceRead })
    : opts.memory || !opts.dbPath
      ? openSqliteStore({ memory: true })
      : openSqliteStore(
          { path: opts.dbPath },
          {
            // A server owns its file for a long time; embedded processes come and go.
            backgroundCheckpoints: !opts.sharedFile,
            soleWriter: !opts.sharedFile,
            onResourceRead: metrics.resourceRead,
            onCheckpointError: (message) => process.stderr.write(`aicloud: background WAL checkpoint failed (retried later): ${message}\n`),
          },
        );
  const dir = opts.databaseUrl ? opts.dataDir : opts.dbPath && !opts.memory ? dirname(opts.dbPath) : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  try {
    const clock = opts.clock ?? systemClock;
    const inventory = opts.inventory ?? (opts.inventoryFile ? loadInventoryFile(opts.inventoryFile) : defaultInventory());
    const secretKey = opts.databaseUrl
      ? await sharedSecretKey(store)
      : dir
        ? readOrCreateFile(join(dir, 'secret.key'), () => randomBytes(32).toString('base64'))
        : randomBytes(32).toString('base64');
    let adminToken = await bootstrap(store, clock.now(), opts.bootstrapToken);
    if (dir) {
      const file = join(dir, 'admin.token');
      if (adminToken) writeSecretFile(file, adminToken);
      else if (existsSync(file)) adminToken = readFileSync(file, 'utf8').trim();
    }
    const cp: ControlPlane = {
      store,
      // Decisions depend only on what the database holds (no profile learned from this process's
      // history), so every process that opens the same file decides the same way.
      // The partition catalogue is the one validation checks `acceleratorProfile` against.
      allocator: new Allocator(inventory, { learn: 'manual', partitions: PARTITION_CATALOGUE }),
      allocatorEpoch: 0,
      clock,
      timeScale: opts.timeScale ?? 1,
      faults: opts.faults ?? NO_FAULTS,
      random: opts.random ?? Math.random,
      secrets: createSecretBox(Buffer.from(secretKey, 'base64')),
      authenticate: createAuthenticator(store),
      projects: new Set(),
      nextDueAt: undefined,
      leases: leaseHooks,
      sharedFile: opts.sharedFile ?? opts.databaseUrl !== undefined,
      exclusive: createMutex(),
      defaultRegion: inventory.regions[0]?.name ?? 'cn-southwest-2',
      scaleOut: newScaleOutStats(),
      metrics,
      // Creates on a shared database skip the read's catch-up before them (see `projectGuard`).
      settleDue: () => advance(cp),
    };
    metrics.capacityFrom(() => cp.allocator.capacity().zones);
    // Instances of one database break ties each in its own order, so they place apart (tie-order.ts).
    if (store.openedBefore) cp.allocator.useTieOrder(await store.openedBefore());
    store.useClaims?.(claimsOfServer(cp.allocator.topology, (project, type) => cp.allocator.quota(project, type).limit !== null));
    await reloadControlPlane(cp);
    return { cp, adminToken, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** Instances on one database must seal and open secrets with one key, so it lives in the database. */
async function sharedSecretKey(store: Store): Promise<string> {
  return store.transaction(async () => {
    const found = await store.getMeta('secret-key');
    if (found) return found;
    const key = randomBytes(32).toString('base64');
    await store.putMeta('secret-key', key);
    return key;
  });
}

function writeSecretFile(path: string, content: string): void {
  writeFileSync(path, `${content}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

function readOrCreateFile(path: string, make: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = make();
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch {
    // Another process created it first (two embedded clouds opening one new file).
    return readFileSync(path, 'utf8').trim();
  }
}
