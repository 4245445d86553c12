// The control plane's persistence: the Store interface, its records, and the SQLite and PostgreSQL implementations.
export type { Store, TransactionOptions } from './store.ts';
export type { ChangeScope, ChangeSet, ClaimsOfServer } from './change-set.ts';
export { WriteConflict } from './keyed-locks.ts';
export type {
  HealthMark,
  HeldSlice,
  HoldingRecord,
  IdempotencyRecord,
  LockRecord,
  OperationRecord,
  OperationStatus,
  OperationType,
  QuotaRecord,
  ResourceRecord,
  ResourceStatus,
  TokenRecord,
} from './records.ts';
export type { LeaseRecord, LeaseStore } from './lease-store.ts';
export { openSqliteStore } from './sqlite-store.ts';
export type { SqliteLocation, SqliteOptions } from './sqlite-store.ts';
export { openPgStore } from './pg-store.ts';
export type { PgOptions } from './pg-store.ts';
export { createMutex } from './async-mutex.ts';
export type { Mutex } from './async-mutex.ts';
