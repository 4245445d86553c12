import type { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { Store } from './store.ts';

/** A row as `pg` returns it, before it is read as a record. */
export type Row = Record<string, unknown>;

/** The two ways a table group talks to PostgreSQL: on the current transaction's client, else the pool. */
export interface PgQueries {
  query<R extends Row>(name: string, text: string, values?: unknown[]): Promise<R[]>;
  one<R extends Row>(name: string, text: string, values: unknown[]): Promise<R | undefined>;
}

/** The part of the store one table group serves. */
export type PgTables<K extends keyof Store> = (q: PgQueries) => Pick<Store, K>;

/** Queries that run inside the transaction `current` holds, if any, so a group never picks its connection. */
export function pgQueries(pool: pg.Pool, current: AsyncLocalStorage<pg.PoolClient>): PgQueries {
  const query = async <R extends Row>(name: string, text: string, values: unknown[] = []): Promise<R[]> => {
    // PostgreSQL text cannot hold NUL, so nothing stored has one: a lookup by such a key finds nothing.
    // (SQLite would look and find nothing too.) Writes never get one past validation.
    if (text.startsWith('SELECT') && values.some((v) => typeof v === 'string' && v.includes('\u0000'))) return [];
    const runner = current.getStore() ?? pool;
    // Named statements are parsed once per connection.
    const res = await runner.query<R>({ name, text, values });
    return res.rows;
  };
  const one = async <R extends Row>(name: string, text: string, values: unknown[]): Promise<R | undefined> => (await query<R>(name, text, values))[0];
  return { query, one };
}
