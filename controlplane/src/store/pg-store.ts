import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Store } from './store.ts';
import { pgHealthMarks } from './pg-health-marks.ts';
import { pgHoldings } from './pg-holdings.ts';
import { pgIdempotency } from './pg-idempotency.ts';
import { pgLeases } from './pg-leases.ts';
import { pgLocks } from './pg-locks.ts';
import { pgMeta } from './pg-meta.ts';
import { migrate } from './pg-migrate.ts';
import { pgOperations } from './pg-operations.ts';
import { pgProjects } from './pg-projects.ts';
import { pgQueries } from './pg-query.ts';
import { pgQuotas } from './pg-quotas.ts';
import { pgRateBuckets } from './pg-rate-buckets.ts';
import { pgResources } from './pg-resources.ts';
import { pgTokens } from './pg-tokens.ts';

/** Advisory-lock key for writers (an arbitrary constant, "aic" + a digit; migrations take the next). */
const WRITE_LOCK = 6_179_267_1;

export interface PgOptions {
  /** A postgres:// connection string. */
  url: string;
  /** Connections per instance; writers take turns on one lock, so a few serve reads beside them. */
  poolSize?: number;
  /** Told, at each check for other instances' writes, how many generations this instance was behind (its feed lag). */
  onBehind?: (generations: number) => void;
}


// Timestamps and masks are BIGINT; every value the control plane keeps fits a double.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens (and migrates) the PostgreSQL store. Several instances may open one database: writers
 * serialize on a transaction-scoped advisory lock, and each write transaction bumps a generation
 * counter, so an instance learns that another wrote and reloads its caches before it decides. Each
 * table group (pg-*.ts beside this file) serves its part of the store through the same queries.
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

  const queries = pgQueries(pool, current);
  const { one } = queries;

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

    ...pgProjects(queries),
    ...pgTokens(queries),
    ...pgResources(queries),
    ...pgOperations(queries),
    ...pgHoldings(queries),
    ...pgIdempotency(queries),
    ...pgLocks(queries),
    ...pgLeases(queries),
    ...pgQuotas(queries),
    ...pgHealthMarks(queries),
    ...pgRateBuckets(queries),
    ...pgMeta(queries),
  };
  return store;
}
