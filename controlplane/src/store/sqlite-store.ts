import Database from 'better-sqlite3';
import { toOperation, type OperationRow } from './operation-row.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './store.ts';
import { createMutex } from './async-mutex.ts';
import type {
  HealthMark,
  HoldingRecord,
  IdempotencyRecord,
  LockRecord,
  QuotaRecord,
  ResourceRecord,
  TokenRecord,
} from './records.ts';
import { MIGRATIONS } from './sqlite-schema.ts';
import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';
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
}

/** Commits between two nudges of the background checkpointer, and its fallback in the writer. */
const COMMITS_PER_CHECKPOINT = 128;
const FOREGROUND_CHECKPOINT_PAGES = 4000;


const RESOURCE_COLUMNS = 'id, project, kind, name, resource_version AS resourceVersion, doc, secret';

/** Opens (and migrates) a SQLite store in WAL mode with every statement prepared once. */
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

  const s = {
    hasProject: db.prepare('SELECT 1 FROM projects WHERE name = ?').pluck(),
    putProject: db.prepare('INSERT OR IGNORE INTO projects (name, created_at) VALUES (?, ?)'),
    listProjects: db.prepare('SELECT name FROM projects ORDER BY name').pluck(),
    getToken: db.prepare('SELECT hash, project, admin, created_at AS createdAt FROM tokens WHERE hash = ?'),
    putToken: db.prepare('INSERT OR REPLACE INTO tokens (hash, project, admin, created_at) VALUES (?, ?, ?, ?)'),
    countTokens: db.prepare('SELECT count(*) FROM tokens').pluck(),
    getResource: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = ? AND kind = ? AND name = ?`),
    getResourceById: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = ?`),
    findByName: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = ? AND name = ?`),
    listResources: db.prepare(
      `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = ? AND kind = ? AND name > ? ORDER BY name LIMIT ?`,
    ),
    listKindResources: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = ? AND project = ?`),
    putResource: db.prepare(
      `INSERT INTO resources (id, project, kind, name, resource_version, doc, secret)
       VALUES (@id, @project, @kind, @name, @resourceVersion, @doc, @secret)
       ON CONFLICT (kind, project, name) DO UPDATE SET resource_version = excluded.resource_version, doc = excluded.doc, secret = excluded.secret`,
    ),
    deleteResource: db.prepare('DELETE FROM resources WHERE kind = ? AND project = ? AND name = ? AND id = ?'),
    resourceIds: db.prepare('SELECT id FROM resources').pluck(),
    getOperation: db.prepare('SELECT * FROM operations WHERE project = ? AND id = ?'),
    putOperation: db.prepare(
      `INSERT OR REPLACE INTO operations (id, project, type, kind, name, resource_id, status, error, failure, created_at, due_at, done_at)
       VALUES (@id, @project, @type, @kind, @name, @resourceId, @status, @error, @failure, @createdAt, @dueAt, @doneAt)`,
    ),
    dueOperations: db.prepare(
      "SELECT * FROM operations WHERE status = 'running' AND due_at <= ? ORDER BY due_at, created_at",
    ),
    runningOf: db.prepare("SELECT * FROM operations WHERE status = 'running' AND resource_id = ?"),
    nextDue: db.prepare("SELECT min(due_at) FROM operations WHERE status = 'running'").pluck(),
    listOperations: db.prepare('SELECT * FROM operations WHERE project = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    listOperationsOf: db.prepare('SELECT * FROM operations WHERE project = ? AND resource_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    listHoldings: db.prepare('SELECT owner, server, project, parent_owner AS parentOwner, mask, slices FROM holdings'),
    listHoldingsInside: db.prepare('SELECT owner, server, project, parent_owner AS parentOwner, mask, slices FROM holdings WHERE parent_owner = ?'),
    putHolding: db.prepare(
      `INSERT INTO holdings (owner, server, project, parent_owner, mask, slices) VALUES (@owner, @server, @project, @parentOwner, @mask, @slices)
       ON CONFLICT (owner, server) DO UPDATE SET mask = mask | excluded.mask, slices = coalesce(excluded.slices, slices)`,
    ),
    deleteHolding: db.prepare('DELETE FROM holdings WHERE owner = ? AND server = ?'),
    deleteHoldingsOf: db.prepare('DELETE FROM holdings WHERE owner = ?'),
    deleteHoldingsInside: db.prepare('DELETE FROM holdings WHERE parent_owner = ?'),
    getIdempotency: db.prepare(
      'SELECT project, key, request_hash AS requestHash, status, body, created_at AS createdAt FROM idempotency WHERE project = ? AND key = ?',
    ),
    putIdempotency: db.prepare(
      `INSERT OR REPLACE INTO idempotency (project, key, request_hash, status, body, created_at)
       VALUES (@project, @key, @requestHash, @status, @body, @createdAt)`,
    ),
    pruneIdempotency: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
    getLock: db.prepare(
      'SELECT project, stack, holder, since, expires_at AS expiresAt FROM locks WHERE project = ? AND stack = ?',
    ),
    putLock: db.prepare(
      'INSERT OR REPLACE INTO locks (project, stack, holder, since, expires_at) VALUES (@project, @stack, @holder, @since, @expiresAt)',
    ),
    deleteLock: db.prepare('DELETE FROM locks WHERE project = ? AND stack = ?'),
    listQuotas: db.prepare('SELECT project, accelerator_type AS acceleratorType, quota_limit AS "limit" FROM quotas'),
    putQuota: db.prepare(
      'INSERT OR REPLACE INTO quotas (project, accelerator_type, quota_limit) VALUES (@project, @acceleratorType, @limit)',
    ),
    listHealth: db.prepare('SELECT target, type, reason, created_at AS createdAt FROM health_marks'),
    putHealth: db.prepare(
      'INSERT OR REPLACE INTO health_marks (target, type, reason, created_at) VALUES (@target, @type, @reason, @createdAt)',
    ),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    putMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };

  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
  let seenVersion = dataVersion();

  // Callers already hold the transaction; these loops must not open savepoints of their own.
  const putHoldings = (rows: readonly HoldingRecord[]) => {
    for (const row of rows) s.putHolding.run({ ...row, slices: row.slices?.length ? JSON.stringify(row.slices) : null });
  };
  const deleteHoldings = (owner: string, servers: readonly string[]) => {
    for (const server of servers) s.deleteHolding.run(owner, server);
  };
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  // One connection serves every request of the process: a transaction holds it until it ends, so
  // requests in flight take turns. (Not reentrant: the control plane opens one per change. Reads
  // outside a transaction run at once, as on any single connection; every change of the control
  // plane also holds its own lock, so a read sees a change either whole or not at all unless the
  // change rolls back.)
  const mutex = createMutex();

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
      release();
    }
  };

  const sync: SyncStore = {
    changedElsewhere() {
      const v = dataVersion();
      if (v === seenVersion) return false;
      seenVersion = v;
      return true;
    },
    close() {
      db.close();
    },

    hasProject: (name) => s.hasProject.get(name) !== undefined,
    putProject: (name, createdAt) => void s.putProject.run(name, createdAt),
    listProjects: () => s.listProjects.all() as string[],

    getToken(hash) {
      const row = s.getToken.get(hash) as (Omit<TokenRecord, 'admin'> & { admin: number }) | undefined;
      return row ? { ...row, admin: row.admin === 1 } : undefined;
    },
    putToken: (t) => void s.putToken.run(t.hash, t.project, t.admin ? 1 : 0, t.createdAt),
    countTokens: () => s.countTokens.get() as number,

    getResource: (project, kind, name) => s.getResource.get(project, kind, name) as ResourceRecord | undefined,
    getResourceById: (id) => s.getResourceById.get(id) as ResourceRecord | undefined,
    findResourcesByName: (kind, name) => s.findByName.all(kind, name) as ResourceRecord[],
    listResources: (project, kind, afterName, limit) =>
      s.listResources.all(project, kind, afterName, limit) as ResourceRecord[],
    listResourcesOfKinds: (project, kinds) => kinds.flatMap((kind) => s.listKindResources.all(kind, project) as ResourceRecord[]),
    putResource: (r) => void s.putResource.run(r),
    deleteResource: (r) => void s.deleteResource.run(r.kind, r.project, r.name, r.id),
    liveResourceIds: () => new Set(s.resourceIds.all() as string[]),

    listOperations(project, resourceId, limit) {
      const rows = (resourceId === undefined ? s.listOperations.all(project, limit) : s.listOperationsOf.all(project, resourceId, limit)) as OperationRow[];
      return rows.map(toOperation);
    },
    getOperation(project, id) {
      const row = s.getOperation.get(project, id) as OperationRow | undefined;
      return row ? toOperation(row) : undefined;
    },
    putOperation: (op) =>
      void s.putOperation.run({
        ...op,
        error: op.error ? JSON.stringify(op.error) : null,
        failure: op.failure ? JSON.stringify(op.failure) : null,
      }),
    dueOperations: (now) => (s.dueOperations.all(now) as OperationRow[]).map(toOperation),
    runningOperationsOf: (resourceId) => (s.runningOf.all(resourceId) as OperationRow[]).map(toOperation),
    nextDueAt: () => (s.nextDue.get() as number | null) ?? undefined,

    listAllocations: () => (s.listHoldings.all() as StoredHolding[]).map(readHoldingRow),
    listHoldingsInside: (parentOwner) => (s.listHoldingsInside.all(parentOwner) as StoredHolding[]).map(readHoldingRow),
    putHoldings: (rows) => putHoldings(rows),
    deleteHoldings: (owner, servers) => deleteHoldings(owner, servers),
    deleteHoldingsOf(owner) {
      s.deleteHoldingsInside.run(owner);
      s.deleteHoldingsOf.run(owner);
    },

    getIdempotency: (project, key) => s.getIdempotency.get(project, key) as IdempotencyRecord | undefined,
    putIdempotency: (r) => void s.putIdempotency.run(r),
    pruneIdempotency: (before) => void s.pruneIdempotency.run(before),

    getLock: (project, stack) => s.getLock.get(project, stack) as LockRecord | undefined,
    putLock: (l) => void s.putLock.run(l),
    deleteLock: (project, stack) => void s.deleteLock.run(project, stack),

    listQuotas: () => s.listQuotas.all() as QuotaRecord[],
    putQuota: (q) => void s.putQuota.run(q),

    listHealthMarks: () => s.listHealth.all() as HealthMark[],
    putHealthMark: (m) => void s.putHealth.run(m),

    getMeta: (key) => (s.getMeta.get(key) as string | undefined) ?? undefined,
    putMeta: (key, value) => void s.putMeta.run(key, value),
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
  return store;
}

/** The store's methods as better-sqlite3 runs them: synchronous, wrapped into the async Store once. */
type SyncStore = {
  [K in Exclude<keyof Store, 'transaction' | 'takeRateToken'>]: Store[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => R : never;
};

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}
