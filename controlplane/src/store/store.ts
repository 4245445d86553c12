import type { HealthMark, HoldingRecord, IdempotencyRecord, LockRecord, OperationRecord, QuotaRecord, ResourceRecord, TokenRecord } from './records.ts';
import type { LeaseStore } from './lease-store.ts';
import type { ChangeSet, ClaimsOfServer } from './change-set.ts';

/** How one write transaction runs where writers lock by key (PostgreSQL); SQLite has one writer and ignores it. */
export interface TransactionOptions {
  /** Wait until no other writer runs, and keep them out (a check that compares memory with rows). */
  exclusive?: boolean;
  /** Keys to lock exclusively before anything else: a change that lost races escalates to its zones. */
  lockFirst?: readonly string[];
  /** Called when the transaction rolls back, with what it had touched, so caches can re-read just that. */
  onRollback?: (touched: ChangeSet) => void;
  /**
   * The transaction starts with `changesElsewhere` (a catch-up before deciding): a store with a change
   * feed reads it in the round trip that begins the transaction, and answers that first call from it.
   */
  catchUp?: boolean;
}

/**
 * What the control plane needs from a database: SQLite (the embedded default) or PostgreSQL (several
 * instances on one database). Asynchronous because PostgreSQL answers over a socket. The control plane
 * decides against in-memory allocator state, so a change, its operation and its allocation rows are
 * written inside one `transaction`. On SQLite it is exclusive against every other writer (other
 * processes on the same embedded file); on PostgreSQL writers lock by key and a transaction whose
 * decision another instance overtook is refused at commit (`WriteConflict`) to run again.
 */
export interface Store extends LeaseStore {
  /** Runs fn in one write transaction; not reentrant. Throws roll back. */
  transaction<T>(fn: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * What other connections or instances committed since the last call, so cached state can be
   * refreshed: undefined when nothing, else the servers and scopes touched, or `full`.
   */
  changesElsewhere(): Promise<ChangeSet | undefined>;
  /**
   * Where stores keep a change feed (PostgreSQL): the rows of what `changesElsewhere` named, see
   * `holdingsAround` in pg-changes.ts; the position of this instance's last commit; and whether its
   * cursor already sees a position another instance returned (read-your-writes across instances).
   */
  holdingsAround?(servers: readonly string[], owners: readonly string[]): Promise<HoldingRecord[]>;
  lastPosition?(): string | undefined;
  /** Names the lock keys of a server (the server, its zone, a quota), once the inventory is known. */
  useClaims?(claimsOf: ClaimsOfServer): void;
  /**
   * Where several instances may serve one database (PostgreSQL): counts this instance as opened
   * (`instances-opened` in `meta`, incremented atomically) and returns how many opened before it, so
   * each instance can break ties in its own order (0 for the first).
   */
  openedBefore?(): Promise<number>;
  sees?(position: string): boolean;
  close(): Promise<void>;

  hasProject(name: string): Promise<boolean>;
  putProject(name: string, createdAt: number): Promise<void>;
  listProjects(): Promise<string[]>;

  getToken(hash: string): Promise<TokenRecord | undefined>;
  putToken(token: TokenRecord): Promise<void>;
  countTokens(): Promise<number>;

  getResource(project: string, kind: string, name: string): Promise<ResourceRecord | undefined>;
  /** By id: a scan, because nothing hot looks resources up that way; for reports and rare paths. */
  getResourceById(id: string): Promise<ResourceRecord | undefined>;
  /** Resources of a kind with this name in any project (bucket names are global). */
  findResourcesByName(kind: string, name: string): Promise<ResourceRecord[]>;
  /** Page of a collection ordered by name, starting after `afterName`. */
  listResources(project: string, kind: string, afterName: string, limit: number): Promise<ResourceRecord[]>;
  /** Every resource of a project that refers to another by name (pools and endpoints of a cluster). */
  listResourcesOfKinds(project: string, kinds: readonly string[]): Promise<ResourceRecord[]>;
  putResource(resource: ResourceRecord): Promise<void>;
  deleteResource(resource: Pick<ResourceRecord, 'kind' | 'project' | 'name' | 'id'>): Promise<void>;
  liveResourceIds(): Promise<Set<string>>;

  getOperation(project: string, id: string): Promise<OperationRecord | undefined>;
  putOperation(op: OperationRecord): Promise<void>;
  /** Running operations due at or before `now`, oldest first. */
  dueOperations(now: number): Promise<OperationRecord[]>;
  runningOperationsOf(resourceId: string): Promise<OperationRecord[]>;
  /** Earliest due time of any running operation, or undefined when none runs. */
  nextDueAt(): Promise<number | undefined>;
  /** A project's operations, newest first, optionally of one resource id (the console's history). */
  listOperations(project: string, resourceId: string | undefined, limit: number): Promise<OperationRecord[]>;

  /** Every holding row (start-up, reloads after another process wrote, the invariant check). */
  listAllocations(): Promise<HoldingRecord[]>;
  /** Rows of endpoints that run inside a cluster's holding. */
  listHoldingsInside(parentOwner: string): Promise<HoldingRecord[]>;
  /** Adds rows; a row for a server the owner already holds there ORs the masks. */
  putHoldings(rows: readonly HoldingRecord[]): Promise<void>;
  /** Drops an owner's rows on some servers (a cluster shrinking). */
  deleteHoldings(owner: string, servers: readonly string[]): Promise<void>;
  /** Drops an owner's rows and the rows of endpoints inside it. */
  deleteHoldingsOf(owner: string): Promise<void>;

  getIdempotency(project: string, key: string): Promise<IdempotencyRecord | undefined>;
  putIdempotency(record: IdempotencyRecord): Promise<void>;
  pruneIdempotency(before: number): Promise<void>;

  getLock(project: string, stack: string): Promise<LockRecord | undefined>;
  putLock(lock: LockRecord): Promise<void>;
  deleteLock(project: string, stack: string): Promise<void>;

  listQuotas(): Promise<QuotaRecord[]>;
  putQuota(quota: QuotaRecord): Promise<void>;

  listHealthMarks(): Promise<HealthMark[]>;
  putHealthMark(mark: HealthMark): Promise<void>;

  /**
   * A token bucket per caller kept in the database, so a limit holds across instances; returns 0
   * when the request may pass, else the seconds to wait. Absent where one process serves (SQLite).
   */
  takeRateToken?(caller: string, now: number, perSecond: number, burst: number): Promise<number>;

  /** Small key-value settings that must survive restarts (the secret-encryption key in memory mode). */
  getMeta(key: string): Promise<string | undefined>;
  putMeta(key: string, value: string): Promise<void>;
}
