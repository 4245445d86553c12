import type { QuotaRecord } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Quotas: each project's limit per accelerator type, loaded into the allocator at start-up. */
export const sqliteQuotas: SqliteTables<'listQuotas' | 'putQuota'> = (db) => {
  const s = {
    listQuotas: db.prepare('SELECT project, accelerator_type AS acceleratorType, quota_limit AS "limit" FROM quotas'),
    putQuota: db.prepare('INSERT OR REPLACE INTO quotas (project, accelerator_type, quota_limit) VALUES (@project, @acceleratorType, @limit)'),
  };
  return {
    listQuotas: () => s.listQuotas.all() as QuotaRecord[],
    putQuota: (q) => void s.putQuota.run(q),
  };
};
