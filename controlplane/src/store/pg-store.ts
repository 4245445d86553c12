import { AsyncLocalStorage } from 'node:async_hooks';
import { toOperation, type OperationRow } from './operation-row.ts';
import pg from 'pg';
import type { Store } from './store.ts';
import type {
  HealthMark,
  HoldingRecord,
  IdempotencyRecord,
  LockRecord,
  QuotaRecord,
  ResourceRecord,
  TokenRecord,
} from './records.ts';
import { PG_MIGRATIONS } from './pg-schema.ts';
import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';

/** Advisory-lock keys: one for writers, one for migrations (arbitrary constants, "aic" + a digit). */
const WRITE_LOCK = 6_179_267_1;
const MIGRATION_LOCK = 6_179_267_2;

export interface PgOptions {
  /** A postgres:// connection string. */
  url: string;
  /** Connections per instance; writers take turns on one lock, so a few serve reads beside them. */
  poolSize?: number;
  /** Told, at each check for other instances' writes, how many generations this instance was behind (its feed lag). */
  onBehind?: (generations: number) => void;
}


const RESOURCE_COLUMNS = 'id, project, kind, name, resource_version AS "resourceVersion", doc, secret';
const HOLDING_COLUMNS = 'owner, server, project, parent_owner AS "parentOwner", mask, slices';

// Timestamps and masks are BIGINT; every value the control plane keeps fits a double.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens (and migrates) the PostgreSQL store. Several instances may open one database: writers
 * serialize on a transaction-scoped advisory lock, and each write transaction bumps a generation
 * counter, so an instance learns that another wrote and reloads its caches before it decides.
 */
export async function openPgStore(options: PgOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 8, types });
  // A connection the server dropped is replaced at the next checkout; a process must not die of it.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const current = new AsyncLocalStorage<pg.PoolClient>();
  let seen = Number((await pool.query('SELECT value FROM write_generation WHERE id = 1')).rows[0].value);
  let changedByOthers = false;

  type Row = Record<string, unknown>;
  const query = async <R extends Row>(name: string, text: string, values: unknown[] = []): Promise<R[]> => {
    // PostgreSQL text cannot hold NUL, so nothing stored has one: a lookup by such a key finds nothing.
    // (SQLite would look and find nothing too.) Writes never get one past validation.
    if (text.startsWith('SELECT') && values.some((v) => typeof v === 'string' && v.includes('\u0000'))) return [];
    const runner = current.getStore() ?? pool;
    // Named statements are parsed once per connection.
    const res = await runner.query<R>({ name, text, values });
    return res.rows;
  };
  const one = async <R extends Row>(name: string, text: string, values: unknown[]): Promise<R | undefined> =>
    (await query<R>(name, text, values))[0];

  const store: Store = {
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      if (current.getStore()) return fn();
      const client = await pool.connect();
      let broken = false;
      const before = seen;
      try {
        const res = (await client.query(
          `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK}); UPDATE write_generation SET value = value + 1 WHERE id = 1 RETURNING value`,
        )) as unknown as pg.QueryResult[];
        const generation = Number(res[2]!.rows[0].value);
        options.onBehind?.(generation - seen - 1);
        if (generation !== seen + 1) changedByOthers = true;
        seen = generation;
        try {
          const result = await current.run(client, fn);
          await client.query('COMMIT');
          return result;
        } catch (e) {
          seen = before;
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw e;
        }
      } catch (e) {
        if (!(e as { code?: string }).code) broken = true;
        throw e;
      } finally {
        client.release(broken);
      }
    },
    async changedElsewhere() {
      if (current.getStore()) {
        const changed = changedByOthers;
        changedByOthers = false;
        return changed;
      }
      const row = await one<{ value: number }>('generation', 'SELECT value FROM write_generation WHERE id = 1', []);
      const value = Number(row!.value);
      options.onBehind?.(Math.max(0, value - seen));
      if (value === seen && !changedByOthers) return false;
      seen = value;
      changedByOthers = false;
      return true;
    },
    async close() {
      await pool.end();
    },

    hasProject: async (name) => (await one('hasProject', 'SELECT 1 FROM projects WHERE name = $1', [name])) !== undefined,
    putProject: async (name, createdAt) =>
      void (await query('putProject', 'INSERT INTO projects (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [name, createdAt])),
    listProjects: async () => (await query<{ name: string }>('listProjects', 'SELECT name FROM projects ORDER BY name')).map((r) => r.name),

    getToken: async (hash) =>
      one<TokenRecord & Row>('getToken', 'SELECT hash, project, admin, created_at AS "createdAt" FROM tokens WHERE hash = $1', [hash]),
    putToken: async (t) =>
      void (await query(
        'putToken',
        `INSERT INTO tokens (hash, project, admin, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hash) DO UPDATE SET project = excluded.project, admin = excluded.admin, created_at = excluded.created_at`,
        [t.hash, t.project, t.admin, t.createdAt],
      )),
    countTokens: async () => Number((await one<{ n: number }>('countTokens', 'SELECT count(*)::int AS n FROM tokens', []))!.n),

    getResource: async (project, kind, name) =>
      one<ResourceRecord & Row>('getResource', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = $2 AND name = $3`, [project, kind, name]),
    getResourceById: async (id) => one<ResourceRecord & Row>('getResourceById', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE id = $1`, [id]),
    findResourcesByName: async (kind, name) =>
      query<ResourceRecord & Row>('findByName', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE kind = $1 AND name = $2`, [kind, name]),
    listResources: async (project, kind, afterName, limit) =>
      query<ResourceRecord & Row>(
        'listResources',
        `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = $2 AND name > $3 ORDER BY name COLLATE "C" LIMIT $4`,
        [project, kind, afterName, limit],
      ),
    listResourcesOfKinds: async (project, kinds) =>
      query<ResourceRecord & Row>('listKinds', `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE project = $1 AND kind = ANY($2)`, [project, [...kinds]]),
    putResource: async (r) =>
      void (await query(
        'putResource',
        `INSERT INTO resources (id, project, kind, name, resource_version, doc, secret) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (kind, project, name) DO UPDATE SET id = excluded.id, resource_version = excluded.resource_version, doc = excluded.doc, secret = excluded.secret`,
        [r.id, r.project, r.kind, r.name, r.resourceVersion, r.doc, r.secret],
      )),
    deleteResource: async (r) =>
      void (await query('deleteResource', 'DELETE FROM resources WHERE kind = $1 AND project = $2 AND name = $3 AND id = $4', [r.kind, r.project, r.name, r.id])),
    liveResourceIds: async () => new Set((await query<{ id: string }>('resourceIds', 'SELECT id FROM resources')).map((r) => r.id)),

    getOperation: async (project, id) => {
      const row = await one<OperationRow & Row>('getOperation', 'SELECT * FROM operations WHERE project = $1 AND id = $2', [project, id]);
      return row ? toOperation(row) : undefined;
    },
    putOperation: async (op) =>
      void (await query(
        'putOperation',
        `INSERT INTO operations (id, project, type, kind, name, resource_id, status, error, failure, created_at, due_at, done_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, error = excluded.error, failure = excluded.failure,
           due_at = excluded.due_at, done_at = excluded.done_at`,
        [
          op.id, op.project, op.type, op.kind, op.name, op.resourceId, op.status,
          op.error ? JSON.stringify(op.error) : null, op.failure ? JSON.stringify(op.failure) : null,
          op.createdAt, op.dueAt, op.doneAt,
        ],
      )),
    dueOperations: async (now) =>
      (
        await query<OperationRow & Row>(
          'dueOperations',
          "SELECT * FROM operations WHERE status = 'running' AND due_at <= $1 ORDER BY due_at, created_at",
          [now],
        )
      ).map(toOperation),
    listOperations: async (project, resourceId, limit) =>
      (resourceId === undefined
        ? await query<OperationRow & Row>('listOperations', 'SELECT * FROM operations WHERE project = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [project, limit])
        : await query<OperationRow & Row>('listOperationsOf', 'SELECT * FROM operations WHERE project = $1 AND resource_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3', [project, resourceId, limit])
      ).map(toOperation),
    runningOperationsOf: async (resourceId) =>
      (await query<OperationRow & Row>('runningOf', "SELECT * FROM operations WHERE status = 'running' AND resource_id = $1", [resourceId])).map(toOperation),
    nextDueAt: async () => {
      const row = await one<{ d: number | null }>('nextDue', "SELECT min(due_at) AS d FROM operations WHERE status = 'running'", []);
      return row?.d ?? undefined;
    },

    listAllocations: async () => (await query<StoredHolding & Row>('listHoldings', `SELECT ${HOLDING_COLUMNS} FROM holdings`)).map(readHoldingRow),
    listHoldingsInside: async (parentOwner) =>
      (await query<StoredHolding & Row>('listHoldingsInside', `SELECT ${HOLDING_COLUMNS} FROM holdings WHERE parent_owner = $1`, [parentOwner])).map(readHoldingRow),
    async putHoldings(given) {
      if (!given.length) return;
      // One statement may touch a row once: rows of one owner on one server are ORed here first.
      const merged = new Map<string, HoldingRecord>();
      for (const r of given) {
        const key = `${r.owner}\n${r.server}`;
        const seenRow = merged.get(key);
        const slices = [...(seenRow?.slices ?? []), ...(r.slices ?? [])];
        merged.set(key, seenRow ? { ...seenRow, mask: (seenRow.mask | r.mask) >>> 0, slices } : r);
      }
      const rows = [...merged.values()];
      // One statement for all rows; a row for a server the owner already holds ORs the masks.
      await query(
        'putHoldings',
        `INSERT INTO holdings (owner, server, project, parent_owner, mask, slices)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
         ON CONFLICT (owner, server) DO UPDATE SET mask = holdings.mask | excluded.mask, slices = coalesce(excluded.slices, holdings.slices)`,
        [
          rows.map((r) => r.owner), rows.map((r) => r.server), rows.map((r) => r.project), rows.map((r) => r.parentOwner), rows.map((r) => r.mask >>> 0),
          rows.map((r) => (r.slices?.length ? JSON.stringify(r.slices) : null)),
        ],
      );
    },
    async deleteHoldings(owner, servers) {
      if (!servers.length) return;
      await query('deleteHoldings', 'DELETE FROM holdings WHERE owner = $1 AND server = ANY($2)', [owner, [...servers]]);
    },
    async deleteHoldingsOf(owner) {
      await query('deleteHoldingsOf', 'DELETE FROM holdings WHERE owner = $1 OR parent_owner = $1', [owner]);
    },

    getIdempotency: async (project, key) =>
      one<IdempotencyRecord & Row>(
        'getIdempotency',
        'SELECT project, key, request_hash AS "requestHash", status, body, created_at AS "createdAt" FROM idempotency WHERE project = $1 AND key = $2',
        [project, key],
      ),
    putIdempotency: async (r) =>
      void (await query(
        'putIdempotency',
        `INSERT INTO idempotency (project, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (project, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
        [r.project, r.key, r.requestHash, r.status, r.body, r.createdAt],
      )),
    pruneIdempotency: async (before) => void (await query('pruneIdempotency', 'DELETE FROM idempotency WHERE created_at < $1', [before])),

    getLock: async (project, stack) =>
      one<LockRecord & Row>(
        'getLock',
        'SELECT project, stack, holder, since, expires_at AS "expiresAt" FROM locks WHERE project = $1 AND stack = $2',
        [project, stack],
      ),
    putLock: async (l) =>
      void (await query(
        'putLock',
        `INSERT INTO locks (project, stack, holder, since, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (project, stack) DO UPDATE SET holder = excluded.holder, since = excluded.since, expires_at = excluded.expires_at`,
        [l.project, l.stack, l.holder, l.since, l.expiresAt],
      )),
    deleteLock: async (project, stack) => void (await query('deleteLock', 'DELETE FROM locks WHERE project = $1 AND stack = $2', [project, stack])),

    listQuotas: async () =>
      query<QuotaRecord & Row>('listQuotas', 'SELECT project, accelerator_type AS "acceleratorType", quota_limit AS "limit" FROM quotas'),
    putQuota: async (q) =>
      void (await query(
        'putQuota',
        `INSERT INTO quotas (project, accelerator_type, quota_limit) VALUES ($1, $2, $3)
         ON CONFLICT (project, accelerator_type) DO UPDATE SET quota_limit = excluded.quota_limit`,
        [q.project, q.acceleratorType, q.limit],
      )),

    listHealthMarks: async () => query<HealthMark & Row>('listHealth', 'SELECT target, type, reason, created_at AS "createdAt" FROM health_marks'),
    putHealthMark: async (m) =>
      void (await query(
        'putHealth',
        `INSERT INTO health_marks (target, type, reason, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (target) DO UPDATE SET type = excluded.type, reason = excluded.reason, created_at = excluded.created_at`,
        [m.target, m.type, m.reason, m.createdAt],
      )),

    async takeRateToken(caller, now, perSecond, burst) {
      // One statement, so two instances serving one caller queue on its row: refill by the time
      // since the last request, take a token when a whole one is there. SET sees the old row.
      const refilled = 'LEAST($4::float8, b.tokens + GREATEST(0, $2::bigint - b.at) / 1000.0 * $3::float8)';
      const row = await one<{ passed: boolean; tokens: number }>(
        'takeRateToken',
        `INSERT INTO rate_buckets AS b (caller, tokens, at, passed) VALUES ($1, $4::float8 - 1, $2, true)
         ON CONFLICT (caller) DO UPDATE SET
           tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
           passed = ${refilled} >= 1,
           at = GREATEST(b.at, $2::bigint)
         RETURNING passed, tokens`,
        [caller, now, perSecond, burst],
      );
      if (row!.passed) return 0;
      return Math.max(1, Math.ceil((1 - Number(row!.tokens)) / perSecond));
    },

    getMeta: async (key) => (await one<{ value: string }>('getMeta', 'SELECT value FROM meta WHERE key = $1', [key]))?.value,
    putMeta: async (key, value) =>
      void (await query('putMeta', 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value])),
  };
  return store;
}

/** Runs the migrations not yet recorded, under a lock so instances starting together run each once. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (let i = 0; i < PG_MIGRATIONS.length; i++) {
        if (done.has(i + 1)) continue;
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[i]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}
