import type { PgTables } from './pg-query.ts';

/** Small settings that must survive restarts, such as the secret-encryption key in memory mode. */
export const pgMeta: PgTables<'getMeta' | 'putMeta'> = ({ query, one }) => ({
  getMeta: async (key) => (await one<{ value: string }>('getMeta', 'SELECT value FROM meta WHERE key = $1', [key]))?.value,
  putMeta: async (key, value) =>
    void (await query('putMeta', 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value])),
});
