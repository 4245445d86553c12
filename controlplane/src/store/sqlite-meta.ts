import type { SqliteTables } from './sqlite-sync-store.ts';

/** Small settings that must survive restarts, such as the secret-encryption key in memory mode. */
export const sqliteMeta: SqliteTables<'getMeta' | 'putMeta'> = (db) => {
  const s = {
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    putMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
  return {
    getMeta: (key) => (s.getMeta.get(key) as string | undefined) ?? undefined,
    putMeta: (key, value) => void s.putMeta.run(key, value),
  };
};
