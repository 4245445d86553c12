import type pg from 'pg';
import type { ClaimsOfServer, Touched } from './change-set.ts';
import type { PgQueries } from './pg-query.ts';
import type { Store } from './store.ts';
import { resourceKey } from './resource-cache.ts';

/** The writes that change what an instance caches, each recording what it touched in the transaction's `Touched`. */
type FeedWrites = Pick<
  Store,
  | 'putHoldings'
  | 'deleteHoldings'
  | 'deleteHoldingsOf'
  | 'putQuota'
  | 'putHealthMark'
  | 'putProject'
  | 'putOperation'
  | 'putMeta'
  | 'putToken'
  | 'putResource'
  | 'deleteResource'
  | 'putIdempotency'
  | 'putLock'
  | 'deleteLock'
  | 'putLease'
>;

/**
 * Wraps the table groups' writes so each records its servers or scope in the running transaction's
 * `Touched` (found by its client), which the store commits as one change-feed row.
 */
export function feedWrites(plain: FeedWrites, queries: PgQueries, touchedNow: () => Touched | undefined, claimsOf: () => ClaimsOfServer): FeedWrites {
  const scope =
    <A extends unknown[]>(name: Parameters<Touched['scopes']['add']>[0], write: (...a: A) => Promise<void>, claim?: (...a: A) => string[]) =>
    async (...a: A) => {
      await write(...a);
      const t = touchedNow();
      t?.scopes.add(name);
      if (t && claim) for (const c of claim(...a)) t.claims.add(c);
    };
  const claimed =
    <A extends unknown[]>(write: (...a: A) => Promise<void>, key: (...a: A) => string) =>
    async (...a: A) => {
      await write(...a);
      touchedNow()?.claims.add(key(...a));
    };
  // A health mark names an accelerator (`zone/server/index`) or a server (`zone/server`).
  const serverOf = (target: string) => (target.split('/').length > 2 ? target.slice(0, target.lastIndexOf('/')) : target);
  return {
    async putHoldings(rows) {
      await plain.putHoldings(rows);
      const t = touchedNow();
      if (!t) return;
      const claims = claimsOf();
      for (const r of rows) {
        t.servers.add(r.server);
        t.claims.add(`owner:${r.owner}`);
        // An endpoint inside a cluster takes nothing from the quota; it is claimed by its cluster's owner key.
        for (const c of claims(r.server, r.parentOwner === null ? r.project : undefined)) t.claims.add(c);
        if (r.parentOwner !== null) t.claims.add(`owner:${r.parentOwner}`);
      }
    },
    async deleteHoldings(owner, servers) {
      await plain.deleteHoldings(owner, servers);
      const t = touchedNow();
      t?.claims.add(`owner:${owner}`);
      for (const s of servers) t?.servers.add(s);
    },
    async deleteHoldingsOf(owner) {
      const gone = await queries.query<{ server: string; owner: string }>(
        'deleteHoldingsOfReturning',
        'DELETE FROM holdings WHERE owner = $1 OR parent_owner = $1 RETURNING server, owner',
        [owner],
      );
      const t = touchedNow();
      t?.claims.add(`owner:${owner}`);
      for (const g of gone) {
        t?.servers.add(g.server);
        t?.claims.add(`owner:${g.owner}`);
      }
    },
    putQuota: scope('quotas', plain.putQuota, (q) => [`quota:${q.project}/${q.acceleratorType}`]),
    putHealthMark: scope('health', plain.putHealthMark, (m) => claimsOf()(serverOf(m.target), undefined)),
    putProject: scope('projects', plain.putProject),
    // Other instances cache only the earliest due time of running operations. One due when it was
    // created (time scale 0) is written finished and never ran, so no instance cached its due time:
    // it names no scope, and a catch-up after it needs no query for the next due time.
    async putOperation(op) {
      await plain.putOperation(op);
      if (op.status === 'running' || op.dueAt > op.createdAt) touchedNow()?.scopes.add('operations');
    },
    // Settings are the admission state and the defragmentation mode (and the sealing key, written once).
    putMeta: scope('admission', plain.putMeta, (key) => [`meta:${key.split('.')[0]}`]),
    putToken: scope('tokens', plain.putToken),
    // A lease's holdings are recorded by putHoldings; the row itself moves each instance's next expiry.
    putLease: scope('leases', plain.putLease),
    // Rows read and then written whole: a write claims its key, so of two instances that read the same
    // name, idempotency key or stack lock and both wrote it, the second to commit runs again and reads
    // what the first wrote (a 409, a replay, a 412, a 423).
    putResource: claimed(plain.putResource, (r) => resourceKey(r.kind, r.project, r.name)),
    deleteResource: claimed(plain.deleteResource, (r) => resourceKey(r.kind, r.project, r.name)),
    putIdempotency: claimed(plain.putIdempotency, (r) => `idempotency:${r.project}/${r.key}`),
    putLock: claimed(plain.putLock, (l) => `stack:${l.project}/${l.stack}`),
    deleteLock: claimed(plain.deleteLock, (project, stack) => `stack:${project}/${stack}`),
  };
}

/** The transaction's record of what it touched, kept by client so nothing else must carry it. */
export const touchedByClient = new WeakMap<pg.PoolClient, Touched>();
