import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './store.ts';
import type { ResourceRecord } from './records.ts';
import { ResourceCache, resourceKey } from './resource-cache.ts';
import { createMutex } from './async-mutex.ts';
import { sqliteHealthMarks } from './sqlite-health-marks.ts';
import { sqliteHoldings } from './sqlite-holdings.ts';
import { sqliteIdempotency } from './sqlite-idempotency.ts';
import { sqliteLeases } from './sqlite-leases.ts';
import { sqliteLocks } from './sqlite-locks.ts';
import { sqliteMeta } from './sqlite-meta.ts';
import { migrate } from './sqlite-migrate.ts';
import { sqliteOperations } from './sqlite-operations.ts';
import { sqliteProjects } from './sqlite-projects.ts';
import { sqliteQuotas } from './sqlite-quotas.ts';
import { sqliteResources } from './sqlite-resources.ts';
import type { SyncStore } from './sqlite-sync-store.ts';
import { sqliteTokens } from './sqlite-tokens.ts';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

/** Where the store keeps its data: a file, or memory for tests. */
export type SqliteLocation = { path: string } | { memory: true };

export interface SqliteOptions {
  /**
   * Checkpoint the WAL from a worker thread (a long-running server on a file). Short-lived processes
   * (the embedded cloud) leave it to SQLite, which checkpoints inside the commit that fills the WAL.
   */
  backgroundCheckpoints?: boolean;
  /** Where a failed background checkpoint is reported; it is retried at the next nudge. */
  onCheckpointError?: (message: string) => void;
  /**
   * This process is the file's only writer (a server on its data dir), so resources read by name can
   * be kept in memory: every change to them is one this process makes. Processes sharing a file
   * (the embedded cloud) read them from the file each time.
   */
  soleWriter?: boolean;
  /** With `soleWriter`: told of each read of a resource by name outside a transaction whether memory answered it. */
  onResourceRead?: (fromMemory: boolean) => void;
}

/** Commits between two nudges of the background checkpointer, and its fallback in the writer. */
const COMMITS_PER_CHECKPOINT = 128;
const FOREGROUND_CHECKPOINT_PAGES = 4000;

/**
 * Opens (and migrates) a SQLite store in WAL mode with every statement prepared once: each table
 * group (sqlite-*.ts beside this file) prepares its own, and this adds the transaction around them.
 */
export function openSqliteStore(location: SqliteLocation, options: SqliteOptions = {}): Store {
  if ('path' in location) mkdirSync(dirname(location.path), { recursive: true });
  const db = new Database('path' in location ? location.path : ':memory:');
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode stays consistent after a crash; a power loss may drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  migrate(db);
  let checkpointer: WalCheckpointer | undefined;
  if (options.backgroundCheckpoints && 'path' in location) {
    checkpointer = startWalCheckpointer(location.path, options.onCheckpointError ?? (() => {}));
    // Still a bound on the WAL: under steady load the worker trails the writer by a few commits and
    // the WAL only restarts once a checkpoint in the writer catches up (cheap, the worker did the rest).
    db.pragma(`wal_autocheckpoint = ${FOREGROUND_CHECKPOINT_PAGES}`);
  }
  let commits = 0;

  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  let seenVersion = dataVersion();

  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  // One connection serves every request of the process: a transaction holds it until it ends, so
  // requests in flight take turns. (Not reentrant: the control plane opens one per change. Reads
  // outside a transaction run at once, as on any single connection; every change of the control
  // plane also holds its own lock, so a read sees a change either whole or not at all unless the
  // change rolls back.)
  const mutex = createMutex();

  // Resources read by name, kept until this process writes them (see `getResource` below).
  const resources = new ResourceCache({ onRead: options.onResourceRead });
  // Keys of resources the open transaction wrote, dropped when it ends (commit or rollback): until then
  // no read uses the memory (`getResource` below), so what it holds from before stays as committed.
  const writtenNow = new Set<string>();

  const transaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await mutex.acquire();
    try {
      // IMMEDIATE takes the write lock first, so a decision made inside cannot race another process.
      begin.run();
      let result: T;
      try {
        result = await fn();
        commit.run();
      } catch (e) {
        if (db.inTransaction) rollback.run();
        throw e;
      }
      if (checkpointer && ++commits % COMMITS_PER_CHECKPOINT === 0) checkpointer.nudge();
      return result;
    } finally {
      if (writtenNow.size) {
        resources.drop(writtenNow);
        writtenNow.clear();
      }
      release();
    }
  };

  const sync: SyncStore = {
    changesElsewhere() {
      // SQLite says only that another connection wrote, not what: the caller reloads in full.
      const v = dataVersion();
      if (v === seenVersion) return undefined;
      seenVersion = v;
      return { full: true, servers: [], scopes: [] };
    },
    close() {
      db.close();
    },

    ...sqliteProjects(db),
    ...sqliteTokens(db),
    ...sqliteResources(db),
    ...sqliteOperations(db),
    ...sqliteHoldings(db),
    ...sqliteIdempotency(db),
    ...sqliteLocks(db),
    ...sqliteLeases(db),
    ...sqliteQuotas(db),
    ...sqliteHealthMarks(db),
    ...sqliteMeta(db),
  };
  const store = { transaction } as Store;
  for (const [name, method] of Object.entries(sync) as [string, (...a: unknown[]) => unknown][]) {
    (store as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => method(...args);
  }
  // The checkpointer's worker must be gone before the caller may remove the file's directory.
  store.close = async () => {
    await checkpointer?.close();
    db.close();
  };
  if (!options.soleWriter) return store;
  // A read by name outside a transaction is served from memory (a statement on the file costs a read
  // lock on it, as much as the read itself); this process's writes drop what they wrote.
  store.getResource = async (project, kind, name) => {
    if (db.inTransaction) return sync.getResource(project, kind, name);
    return resources.read(resourceKey(kind, project, name), async () => sync.getResource(project, kind, name));
  };
  const dropWritten = (r: Pick<ResourceRecord, 'kind' | 'project' | 'name'>) => {
    const key = resourceKey(r.kind, r.project, r.name);
    if (db.inTransaction) writtenNow.add(key);
    else resources.drop([key]);
  };
  store.putResource = async (r) => {
    sync.putResource(r);
    dropWritten(r);
  };
  store.deleteResource = async (r) => {
    sync.deleteResource(r);
    dropWritten(r);
  };
  return store;
}
