import type Database from 'better-sqlite3';
import type { Store } from './store.ts';

/** The store's methods as better-sqlite3 runs them: synchronous, wrapped into the async Store once. */
export type SyncStore = {
  [K in Exclude<keyof Store, 'transaction' | 'takeRateToken' | 'holdingsAround' | 'lastPosition' | 'sees' | 'useClaims' | 'openedBefore'>]: Store[K] extends (
    ...a: infer A
  ) => Promise<infer R>
    ? (...a: A) => R
    : never;
};

/** The part of the store one table group serves, with its statements prepared once on `db`. */
export type SqliteTables<K extends keyof SyncStore> = (db: Database.Database) => Pick<SyncStore, K>;
