import type { IdempotencyRecord } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Idempotency keys: the first answer to a request, replayed when the same key comes again. */
export const sqliteIdempotency: SqliteTables<'getIdempotency' | 'putIdempotency' | 'pruneIdempotency'> = (db) => {
  const s = {
    getIdempotency: db.prepare(
      'SELECT project, key, request_hash AS requestHash, status, body, created_at AS createdAt FROM idempotency WHERE project = ? AND key = ?',
    ),
    putIdempotency: db.prepare(
      `INSERT OR REPLACE INTO idempotency (project, key, request_hash, status, body, created_at)
       VALUES (@project, @key, @requestHash, @status, @body, @createdAt)`,
    ),
    pruneIdempotency: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
  };
  return {
    getIdempotency: (project, key) => s.getIdempotency.get(project, key) as IdempotencyRecord | undefined,
    putIdempotency: (r) => void s.putIdempotency.run(r),
    pruneIdempotency: (before) => void s.pruneIdempotency.run(before),
  };
};
