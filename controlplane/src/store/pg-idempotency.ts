import type { IdempotencyRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

/** Idempotency keys: the first answer to a request, replayed when the same key comes again. */
export const pgIdempotency: PgTables<'getIdempotency' | 'putIdempotency' | 'pruneIdempotency'> = ({ query, one }) => ({
  getIdempotency: async (project, key) =>
    one<IdempotencyRecord & Row>(
      'getIdempotency',
      'SELECT project, key, request_hash AS "requestHash", status, body, created_at AS "createdAt" FROM idempotency WHERE project = $1 AND key = $2',
      [project, key],
    ),
  putIdempotency: async (r) =>
    void (await query(
      'putIdempotency',
      `INSERT INTO idempotency (project, key, request_hash, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project, key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status, body = excluded.body, created_at = excluded.created_at`,
      [r.project, r.key, r.requestHash, r.status, r.body, r.createdAt],
    )),
  pruneIdempotency: async (before) => void (await query('pruneIdempotency', 'DELETE FROM idempotency WHERE created_at < $1', [before])),
});
