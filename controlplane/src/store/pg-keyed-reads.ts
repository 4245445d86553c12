import { toOperation, type OperationRow } from './operation-row.ts';
import type { PgQueries, Row } from './pg-query.ts';
import type { Store } from './store.ts';

type KeyedReads = Pick<Store, 'findResourcesByName' | 'countTokens' | 'dueOperations'>;

/**
 * Reads a write transaction decides on that no single row guards, each first taking the key of what
 * it reads, so two instances take turns: a global bucket name, the bootstrap's count of tokens.
 * (Names, idempotency keys, stack locks and settings are claimed by their writes instead and checked
 * at commit, see pg-feed-writes.ts.) Outside a transaction they are plain reads. Due operations are
 * taken `FOR UPDATE SKIP LOCKED`: an operation another instance is settling is left to it.
 */
export function keyedReads(plain: KeyedReads, queries: PgQueries, lock: (key: string) => Promise<void>, inTransaction: () => boolean): KeyedReads {
  const keyed =
    <A extends unknown[], R>(key: (...a: A) => string, read: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (inTransaction()) await lock(key(...a));
      return read(...a);
    };
  return {
    // Bucket names are global: every create of one name takes its turn.
    findResourcesByName: keyed((kind, name) => `name:${kind}/*/${name}`, plain.findResourcesByName),
    countTokens: keyed(() => 'tokens', plain.countTokens),
    async dueOperations(now) {
      if (!inTransaction()) return plain.dueOperations(now);
      const rows = await queries.query<OperationRow & Row>(
        'dueOperationsLocked',
        "SELECT * FROM operations WHERE status = 'running' AND due_at <= $1 ORDER BY due_at, created_at FOR UPDATE SKIP LOCKED",
        [now],
      );
      return rows.map(toOperation);
    },
  };
}
