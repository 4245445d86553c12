import type { LeaseRecord } from './lease-store.ts';
import type { PgTables, Row } from './pg-query.ts';

const COLUMNS = 'id, project, status, expires_at AS "expiresAt", doc';

/** Capacity leases: what a saved plan holds until apply draws on it. */
export const pgLeases: PgTables<'getLease' | 'listLeases' | 'activeLeases' | 'putLease'> = ({ query, one }) => {
  const all = async (name: string, sql: string, params: unknown[]) => (await query<LeaseRecord & Row>(name, sql, params)).map(fromRow);
  return {
    getLease: async (id) => {
      const r = await one<LeaseRecord & Row>('getLease', `SELECT ${COLUMNS} FROM leases WHERE id = $1`, [id]);
      return r ? fromRow(r) : undefined;
    },
    listLeases: async (project) => all('listLeases', `SELECT ${COLUMNS} FROM leases WHERE project = $1 ORDER BY id DESC`, [project]),
    activeLeases: async () => all('activeLeases', `SELECT ${COLUMNS} FROM leases WHERE status = 'active' ORDER BY expires_at`, []),
    putLease: async (l) =>
      void (await query(
        'putLease',
        `INSERT INTO leases (id, project, status, expires_at, doc) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, expires_at = excluded.expires_at, doc = excluded.doc`,
        [l.id, l.project, l.status, l.expiresAt, l.doc],
      )),
  };
};

/** BIGINT columns come back as strings from the driver. */
function fromRow(r: LeaseRecord & Row): LeaseRecord {
  return { id: r.id, project: r.project, status: r.status, expiresAt: Number(r.expiresAt), doc: r.doc };
}
