import type { LockRecord } from './records.ts';
import type { PgTables, Row } from './pg-query.ts';

/** Stack locks: who holds a project's stack for an apply, and until when. */
export const pgLocks: PgTables<'getLock' | 'putLock' | 'deleteLock'> = ({ query, one }) => ({
  getLock: async (project, stack) =>
    one<LockRecord & Row>('getLock', 'SELECT project, stack, holder, since, expires_at AS "expiresAt" FROM locks WHERE project = $1 AND stack = $2', [
      project,
      stack,
    ]),
  putLock: async (l) =>
    void (await query(
      'putLock',
      `INSERT INTO locks (project, stack, holder, since, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (project, stack) DO UPDATE SET holder = excluded.holder, since = excluded.since, expires_at = excluded.expires_at`,
      [l.project, l.stack, l.holder, l.since, l.expiresAt],
    )),
  deleteLock: async (project, stack) => void (await query('deleteLock', 'DELETE FROM locks WHERE project = $1 AND stack = $2', [project, stack])),
});
