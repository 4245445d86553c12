import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Store, TransactionOptions } from './store.ts';
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
import { Touched } from './change-set.ts';
import { holdingsAround, openChangeFeed, type FeedRow } from './pg-changes.ts';
import { feedWrites, touchedByClient } from './pg-feed-writes.ts';
import { keyedReads } from './pg-keyed-reads.ts';
import { RESOURCE_KEY_PREFIX, ResourceCache, resourceKey } from './resource-cache.ts';
import { EVERYTHING, lockKeys, lockOnce, WriteConflict, ZONE_PREFIX } from './keyed-locks.ts';
import type { ClaimsOfServer } from './change-set.ts';
import type { HoldingRecord, ResourceRecord } from './records.ts';
import { readHoldingRow, type StoredHolding } from './read-holding-row.ts';

export interface PgOptions {
  /** A postgres:// connection string. */
  url: string;
  /** Connections per instance; writers take turns on one lock, so a few serve reads beside them. */
  poolSize?: number;
  /** How long change-feed rows are kept; an instance that has not looked for longer reloads in full. */
  feedRetentionMs?: number;
  /** This instance's commits between two prunes of the feed. */
  commitsPerPrune?: number;
  /** Told, at each read of the change feed, how many writes of other instances it found (its feed lag). */
  onBehind?: (writes: number) => void;
  /** Told of each read of a resource by name outside a transaction whether memory answered it. */
  onResourceRead?: (fromMemory: boolean) => void;
}

/** How long a transaction may sit idle (its instance stopped) before the server ends it and frees its locks. */
const IDLE_IN_TRANSACTION_MS = 10_000;

/** Commits of one instance between two prunes of the change feed, by default. */
const COMMITS_PER_PRUNE = 256;

// Timestamps and masks are BIGINT; every value the control plane keeps fits a double.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens (and migrates) the PostgreSQL store. Several instances may open one database: writers
 * lock by key (keyed-locks.ts): the names, idempotency keys and settings they read, and at commit the
 * servers, quotas and owners they decided on, checked against the change feed (pg-changes.ts) for
 * a change this instance had not seen; each write transaction records what it touched in that feed,
 * so an instance re-reads only that. Each
 * table group (pg-*.ts beside this file) serves its part of the store through the same queries.
 */
export async function openPgStore(options: PgOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 8,
    types,
    // An instance stopped (SIGSTOP, a frozen VM) inside a transaction would hold its keyed locks for
    // ever: the server ends a transaction left idle this long, which frees them. The URL may set
    // another value (`?idle_in_transaction_session_timeout=...`).
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    // The JIT compiler spends milliseconds compiling plans of the short keyed queries every
    // request runs; without it they take well under one.
    options: '-c jit=off',
  });
  // A connection the server dropped is replaced at the next checkout; a process must not die of it.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const current = new AsyncLocalStorage<pg.PoolClient>();
  const resources = new ResourceCache({ onRead: options.onResourceRead });
  const feed = await openChangeFeed(pool, options.onBehind, (keys) => (keys === 'all' ? resources.clear() : resources.drop(keys)));
  let position: string | undefined;
  let commits = 0;
  const retention = options.feedRetentionMs ?? 5 * 60_000;

  const queries = pgQueries(pool, current);
  const touchedNow = () => {
    const client = current.getStore();
    return client && touchedByClient.get(client);
  };
  const tables = {
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

  // Until the control plane names zones and quotas, a server is its own lock group.
  let claimsOf: ClaimsOfServer = (server, project) => [`server:${server}`, ...(project ? [`quota:${project}`] : [])];
  const locked = new WeakMap<pg.PoolClient, Set<string>>();
  // Feed rows read with a transaction's BEGIN, until its first `changesElsewhere` takes them.
  const prefetched = new WeakMap<pg.PoolClient, { rows: FeedRow[]; from: string; holdings?: HoldingRecord[] }>();
  const lockNow = async (key: string) => {
    const client = current.getStore()!;
    await lockOnce(client, locked.get(client)!, key);
  };

  const store: Store = {
    async transaction<T>(fn: () => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
      if (current.getStore()) return fn();
      const client = await pool.connect();
      let broken = false;
      let recorded: string | undefined;
      // The server may end the session under a transaction (its idle timeout after this process was
      // stopped, a restart): the query in flight fails, and the error must not kill the process.
      const onError = () => (broken = true);
      client.on('error', onError);
      try {
        // Every writer shares one key that a check of one instant takes alone. A change that catches up
        // first reads the feed in the same round trip (the cursor written in: it is a snapshot's text).
        // With the feed come the holdings of the owners on the servers it names, as a catch-up reads them.
        const feedRead = txOptions.catchUp ? feed.sinceStatement() : undefined;
        const holdingsRead = feedRead ? feed.holdingsStatement() : undefined;
        const begun = await client.query(
          `BEGIN; SELECT pg_advisory_xact_lock${txOptions.exclusive ? '' : '_shared'}(hashtextextended('${EVERYTHING}', 0))${feedRead ? `; ${feedRead.text}` : ''}${holdingsRead ? `; ${holdingsRead}` : ''}`,
        );
        if (feedRead) {
          const results = begun as unknown as pg.QueryResult[];
          prefetched.set(client, {
            rows: results[2]!.rows as FeedRow[],
            from: feedRead.from,
            holdings: holdingsRead ? (results[3]!.rows as StoredHolding[]).map(readHoldingRow) : undefined,
          });
        }
        const touched = new Touched();
        touchedByClient.set(client, touched);
        locked.set(client, new Set());
        try {
          if (txOptions.lockFirst?.length) await lockKeys(client, txOptions.lockFirst, true);
          const result = await current.run(client, fn);
          // Lock what the change claims, then record it unless another instance changed one of those
          // since this one's memory (zones are only locked: placements on other servers are no conflict).
          if (touched.claims.size) await lockKeys(client, touched.claims);
          if (!touched.empty || touched.claims.size) {
            recorded = await feed.record(
              client,
              touched,
              [...touched.claims].filter((c) => !c.startsWith(ZONE_PREFIX)),
            );
            if (!recorded) throw new WriteConflict([...touched.claims]);
          }
          await client.query('COMMIT');
          if (recorded) position = recorded;
          const written = [...touched.claims].filter((c) => c.startsWith(RESOURCE_KEY_PREFIX));
          if (written.length) resources.drop(written);
          return result;
        } catch (e) {
          if (recorded) feed.forget(recorded);
          await client.query('ROLLBACK').catch(() => (broken = true));
          txOptions.onRollback?.({ full: false, servers: [...touched.servers], scopes: [...touched.scopes] });
          throw e;
        } finally {
          touchedByClient.delete(client);
          locked.delete(client);
          prefetched.delete(client);
        }
      } catch (e) {
        if (!(e as { code?: string }).code) broken = true;
        throw e;
      } finally {
        client.off('error', onError);
        client.release(broken);
        // Pruning is housekeeping: a failure leaves rows for the next prune.
        if (recorded && ++commits % (options.commitsPerPrune ?? COMMITS_PER_PRUNE) === 0) await feed.prune(retention).catch(() => {});
      }
    },
    useClaims(fn) {
      claimsOf = fn;
    },
    async openedBefore() {
      // One statement: two instances opening together get different numbers. Outside any transaction,
      // so it is no change the feed reports.
      const res = await pool.query<{ n: string }>(
        `INSERT INTO meta (key, value) VALUES ('instances-opened', '1')
         ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text RETURNING value AS n`,
      );
      return Number(res.rows[0]!.n) - 1;
    },
    async changesElsewhere() {
      // The first call inside a transaction begun with `catchUp` takes the rows read with its BEGIN.
      const client = current.getStore();
      const read = client && prefetched.get(client);
      if (read) {
        prefetched.delete(client);
        const changes = feed.take(read);
        if (changes !== 'moved') return changes;
      }
      return feed.since();
    },
    holdingsAround: (servers, owners) => holdingsAround(current.getStore() ?? pool, servers, owners),
    lastPosition: () => position,
    sees: (position) => feed.sees(position),
    async close() {
      await pool.end();
    },

    ...tables,
    ...feedWrites(tables, queries, touchedNow, () => claimsOf),
    ...keyedReads(tables, queries, lockNow, () => current.getStore() !== undefined),
    // A write transaction reads the row itself: it decides on it, and its claim is checked at commit.
    getResource: (project, kind, name) =>
      current.getStore()
        ? tables.getResource(project, kind, name)
        : resources.read(resourceKey(kind, project, name), () => tables.getResource(project, kind, name)),
  };
  // A resource written outside a transaction records no feed row: at least this instance forgets it.
  const { putResource, deleteResource } = store;
  const forgetOutside = (r: Pick<ResourceRecord, 'kind' | 'project' | 'name'>) => {
    if (!current.getStore()) resources.drop([resourceKey(r.kind, r.project, r.name)]);
  };
  store.putResource = async (r) => {
    await putResource(r);
    forgetOutside(r);
  };
  store.deleteResource = async (r) => {
    await deleteResource(r);
    forgetOutside(r);
  };
  return store;
}
