import type { TokenRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

/** API tokens by hash. */
export const pgTokens: PgTables<'getToken' | 'putToken' | 'countTokens'> = ({ query, one }) => ({
  getToken: async (hash) => one<TokenRecord & Row>('getToken', 'SELECT hash, project, admin, created_at AS "createdAt" FROM tokens WHERE hash = $1', [hash]),
  putToken: async (t) =>
    void (await query(
      'putToken',
      `INSERT INTO tokens (hash, project, admin, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hash) DO UPDATE SET project = excluded.project, admin = excluded.admin, created_at = excluded.created_at`,
      [t.hash, t.project, t.admin, t.createdAt],
    )),
  countTokens: async () => Number((await one<{ n: number }>('countTokens', 'SELECT count(*)::int AS n FROM tokens', []))!.n),
});
