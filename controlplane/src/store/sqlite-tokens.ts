import type { TokenRecord } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** API tokens by hash; SQLite has no boolean, so `admin` is stored as 0 or 1. */
export const sqliteTokens: SqliteTables<'getToken' | 'putToken' | 'countTokens'> = (db) => {
  const s = {
    getToken: db.prepare('SELECT hash, project, admin, created_at AS createdAt FROM tokens WHERE hash = ?'),
    putToken: db.prepare('INSERT OR REPLACE INTO tokens (hash, project, admin, created_at) VALUES (?, ?, ?, ?)'),
    countTokens: db.prepare('SELECT count(*) FROM tokens').pluck(),
  };
  return {
    getToken(hash) {
      const row = s.getToken.get(hash) as (Omit<TokenRecord, 'admin'> & { admin: number }) | undefined;
      return row ? { ...row, admin: row.admin === 1 } : undefined;
    },
    putToken: (t) => void s.putToken.run(t.hash, t.project, t.admin ? 1 : 0, t.createdAt),
    countTokens: () => s.countTokens.get() as number,
  };
};
