import type { LockRecord } from './records.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Stack locks: who holds a project's stack for an apply, and until when. */
export const sqliteLocks: SqliteTables<'getLock' | 'putLock' | 'deleteLock'> = (db) => {
  const s = {
    getLock: db.prepare('SELECT project, stack, holder, since, expires_at AS expiresAt FROM locks WHERE project = ? AND stack = ?'),
    putLock: db.prepare('INSERT OR REPLACE INTO locks (project, stack, holder, since, expires_at) VALUES (@project, @stack, @holder, @since, @expiresAt)'),
    deleteLock: db.prepare('DELETE FROM locks WHERE project = ? AND stack = ?'),
  };
  return {
    getLock: (project, stack) => s.getLock.get(project, stack) as LockRecord | undefined,
    putLock: (l) => void s.putLock.run(l),
    deleteLock: (project, stack) => void s.deleteLock.run(project, stack),
  };
};
