import type { QuotaRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

/** Quotas: each project's limit per accelerator type, loaded into the allocator at start-up. */
export const pgQuotas: PgTables<'listQuotas' | 'putQuota'> = ({ query }) => ({
  listQuotas: async () => query<QuotaRecord & Row>('listQuotas', 'SELECT project, accelerator_type AS "acceleratorType", quota_limit AS "limit" FROM quotas'),
  putQuota: async (q) =>
    void (await query(
      'putQuota',
      `INSERT INTO quotas (project, accelerator_type, quota_limit) VALUES ($1, $2, $3)
       ON CONFLICT (project, accelerator_type) DO UPDATE SET quota_limit = excluded.quota_limit`,
      [q.project, q.acceleratorType, q.limit],
    )),
});
