import type pg from 'pg';

/**
 * Keyed locks of writers on one PostgreSQL database: transaction-scoped advisory locks on keys
 * hashed by the database (`hashtextextended`), so writers that touch different servers, names or
 * quotas never wait for each other. Keys a transaction claims when it commits are taken in one
 * statement in one global order (zones shared first, then the rest by hash), so two committers never
 * deadlock; keys taken as a transaction reads (a name, an idempotency key) are taken as met, and a
 * rare cycle between those is broken by the database's deadlock detector (retried as a conflict).
 */

/** Taken shared by every writer and exclusively by a check that must see one instant (the invariants). */
export const EVERYTHING = 'everything';

/** Keys starting with this are taken shared at commit: a zone a writer placed in, locked exclusively by a writer that escalated. */
export const ZONE_PREFIX = 'zone:';

/** Takes keys in the global order: zone keys shared (unless `exclusive`), then the others. */
export async function lockKeys(client: pg.PoolClient, keys: Iterable<string>, exclusive = false): Promise<void> {
  const list = [...new Set(keys)];
  if (!list.length) return;
  await client.query({
    name: exclusive ? 'lockKeysExclusive' : 'lockKeys',
    text: exclusive
      ? `SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY 1) s`
      : `SELECT count(CASE WHEN z THEN pg_advisory_xact_lock_shared(h) ELSE pg_advisory_xact_lock(h) END)
         FROM (SELECT DISTINCT starts_with(k, '${ZONE_PREFIX}') AS z, hashtextextended(k, 0) AS h FROM unnest($1::text[]) k ORDER BY 1 DESC, 2) s`,
    values: [list],
  });
}

/** Takes one key as a transaction meets it (a name before it reads the row); each key once per transaction. */
export async function lockOnce(client: pg.PoolClient, held: Set<string>, key: string): Promise<void> {
  if (held.has(key)) return;
  held.add(key);
  await client.query({ name: 'lockKey', text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', values: [key] });
}

/**
 * Raised when, at commit, another writer had committed a change to something this one claimed
 * (a server it placed on, a quota it used) that this instance had not seen when it decided: the
 * change runs again on caught-up state.
 */
export class WriteConflict extends Error {
  readonly code = 'AICLOUD_WRITE_CONFLICT';
  constructor(readonly claims: readonly string[]) {
    super('another instance changed what this change was decided on');
  }
}
