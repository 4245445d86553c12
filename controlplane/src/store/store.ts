import type {
  HealthMark,
  HoldingRecord,
  IdempotencyRecord,
  LockRecord,
  OperationRecord,
  QuotaRecord,
  ResourceRecord,
  TokenRecord,
} from './records.ts';

/**
 * What the control plane needs from a database. Synchronous because the control plane is one
 * writer that decides against in-memory allocator state: a change, its operation and its
 * allocation rows are written inside one `transaction`, which must be exclusive against other
 * writers (other processes opening the same embedded file included).
 */
export interface Store {
  /** Runs fn in one write transaction; nested calls join the outer one. Throws roll back. */
  transaction<T>(fn: () => T): T;
  /** True when another connection committed since the last call, so cached state must be reloaded. */
  changedElsewhere(): boolean;
  close(): void;

  hasProject(name: string): boolean;
  putProject(name: string, createdAt: number): void;
  listProjects(): string[];

  getToken(hash: string): TokenRecord | undefined;
  putToken(token: TokenRecord): void;
  countTokens(): number;

  getResource(project: string, kind: string, name: string): ResourceRecord | undefined;
  /** By id: a scan, because nothing hot looks resources up that way; for reports and rare paths. */
  getResourceById(id: string): ResourceRecord | undefined;
  /** Resources of a kind with this name in any project (bucket names are global). */
  findResourcesByName(kind: string, name: string): ResourceRecord[];
  /** Page of a collection ordered by name, starting after `afterName`. */
  listResources(project: string, kind: string, afterName: string, limit: number): ResourceRecord[];
  /** Every resource of a project that refers to another by name (pools and endpoints of a cluster). */
  listResourcesOfKinds(project: string, kinds: readonly string[]): ResourceRecord[];
  putResource(resource: ResourceRecord): void;
  deleteResource(resource: Pick<ResourceRecord, 'kind' | 'project' | 'name' | 'id'>): void;
  liveResourceIds(): Set<string>;

  getOperation(project: string, id: string): OperationRecord | undefined;
  putOperation(op: OperationRecord): void;
  /** Running operations due at or before `now`, oldest first. */
  dueOperations(now: number): OperationRecord[];
  runningOperationsOf(resourceId: string): OperationRecord[];
  /** Earliest due time of any running operation, or undefined when none runs. */
  nextDueAt(): number | undefined;
  /** A project's operations, newest first, optionally of one resource id (the console's history). */
  listOperations(project: string, resourceId: string | undefined, limit: number): OperationRecord[];

  /** Every holding row (start-up, reloads after another process wrote, the invariant check). */
  listAllocations(): HoldingRecord[];
  /** Rows of endpoints that run inside a cluster's holding. */
  listHoldingsInside(parentOwner: string): HoldingRecord[];
  /** Adds rows; a row for a server the owner already holds there ORs the masks. */
  putHoldings(rows: readonly HoldingRecord[]): void;
  /** Drops an owner's rows on some servers (a cluster shrinking). */
  deleteHoldings(owner: string, servers: readonly string[]): void;
  /** Drops an owner's rows and the rows of endpoints inside it. */
  deleteHoldingsOf(owner: string): void;

  getIdempotency(project: string, key: string): IdempotencyRecord | undefined;
  putIdempotency(record: IdempotencyRecord): void;
  pruneIdempotency(before: number): void;

  getLock(project: string, stack: string): LockRecord | undefined;
  putLock(lock: LockRecord): void;
  deleteLock(project: string, stack: string): void;

  listQuotas(): QuotaRecord[];
  putQuota(quota: QuotaRecord): void;

  listHealthMarks(): HealthMark[];
  putHealthMark(mark: HealthMark): void;

  /** Small key-value settings that must survive restarts (the secret-encryption key in memory mode). */
  getMeta(key: string): string | undefined;
  putMeta(key: string, value: string): void;
}
