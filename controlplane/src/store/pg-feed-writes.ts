import type pg from 'pg';
import type { Touched } from './change-set.ts';
import type { PgQueries } from './pg-query.ts';
import type { Store } from './store.ts';

/** The writes that change what an instance caches, each recording what it touched in the transaction's `Touched`. */
type FeedWrites = Pick<
  Store,
  'putHoldings' | 'deleteHoldings' | 'deleteHoldingsOf' | 'putQuota' | 'putHealthMark' | 'putProject' | 'putOperation' | 'putMeta' | 'putToken'
>;

/**
 * Wraps the table groups' writes so each records its servers or scope in the running transaction's
 * `Touched` (found by its client), which the store commits as one change-feed row.
 */
export function feedWrites(
  plain: FeedWrites,
  queries: PgQueries,
  touchedNow: () => Touched | undefined,
): FeedWrites {
  const scope = <A extends unknown[]>(name: Parameters<Touched['scopes']['add']>[0], write: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      await write(...a);
      touchedNow()?.scopes.add(name);
    };
  return {
    async putHoldings(rows) {
      await plain.putHoldings(rows);
      const t = touchedNow();
      for (const r of rows) t?.servers.add(r.server);
    },
    async deleteHoldings(owner, servers) {
      await plain.deleteHoldings(owner, servers);
      const t = touchedNow();
      for (const s of servers) t?.servers.add(s);
    },
    async deleteHoldingsOf(owner) {
      const gone = await queries.query<{ server: string }>(
        'deleteHoldingsOfReturning',
        'DELETE FROM holdings WHERE owner = $1 OR parent_owner = $1 RETURNING server',
        [owner],
      );
      const t = touchedNow();
      for (const g of gone) t?.servers.add(g.server);
    },
    putQuota: scope('quotas', plain.putQuota),
    putHealthMark: scope('health', plain.putHealthMark),
    putProject: scope('projects', plain.putProject),
    putOperation: scope('operations', plain.putOperation),
    // Settings are the admission state and the defragmentation mode (and the sealing key, written once).
    putMeta: scope('admission', plain.putMeta),
    putToken: scope('tokens', plain.putToken),
  };
}

/** The transaction's record of what it touched, kept by client so nothing else must carry it. */
export const touchedByClient = new WeakMap<pg.PoolClient, Touched>();
