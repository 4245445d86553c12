import type { LeaseRecord } from './lease-store.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

const COLUMNS = 'id, project, status, expires_at AS expiresAt, doc';

/** Capacity leases: what a saved plan holds until apply draws on it. */
export const sqliteLeases: SqliteTables<'getLease' | 'listLeases' | 'activeLeases' | 'putLease'> = (db) => {
  const s = {
    get: db.prepare(`SELECT ${COLUMNS} FROM leases WHERE id = ?`),
    list: db.prepare(`SELECT ${COLUMNS} FROM leases WHERE project = ? ORDER BY id DESC`),
    active: db.prepare(`SELECT ${COLUMNS} FROM leases WHERE status = 'active' ORDER BY expires_at`),
    put: db.prepare('INSERT OR REPLACE INTO leases (id, project, status, expires_at, doc) VALUES (@id, @project, @status, @expiresAt, @doc)'),
  };
  return {
    getLease: (id) => s.get.get(id) as LeaseRecord | undefined,
    listLeases: (project) => s.list.all(project) as LeaseRecord[],
    activeLeases: () => s.active.all() as LeaseRecord[],
    putLease: (l) => void s.put.run(l),
  };
};
