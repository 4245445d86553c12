import { toOperation, type OperationRow } from './operation-row.ts';
import type { SqliteTables } from './sqlite-sync-store.ts';

/** Operations: what each change is doing, and when the scheduler is due to move it on. */
export const sqliteOperations: SqliteTables<'getOperation' | 'putOperation' | 'dueOperations' | 'runningOperationsOf' | 'nextDueAt' | 'listOperations'> = (
  db,
) => {
  const s = {
    getOperation: db.prepare('SELECT * FROM operations WHERE project = ? AND id = ?'),
    putOperation: db.prepare(
      `INSERT OR REPLACE INTO operations (id, project, type, kind, name, resource_id, status, error, failure, created_at, due_at, done_at)
       VALUES (@id, @project, @type, @kind, @name, @resourceId, @status, @error, @failure, @createdAt, @dueAt, @doneAt)`,
    ),
    dueOperations: db.prepare("SELECT * FROM operations WHERE status = 'running' AND due_at <= ? ORDER BY due_at, created_at"),
    runningOf: db.prepare("SELECT * FROM operations WHERE status = 'running' AND resource_id = ?"),
    nextDue: db.prepare("SELECT min(due_at) FROM operations WHERE status = 'running'").pluck(),
    listOperations: db.prepare('SELECT * FROM operations WHERE project = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    listOperationsOf: db.prepare('SELECT * FROM operations WHERE project = ? AND resource_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
  };
  return {
    listOperations(project, resourceId, limit) {
      const rows = (resourceId === undefined ? s.listOperations.all(project, limit) : s.listOperationsOf.all(project, resourceId, limit)) as OperationRow[];
      return rows.map(toOperation);
    },
    getOperation(project, id) {
      const row = s.getOperation.get(project, id) as OperationRow | undefined;
      return row ? toOperation(row) : undefined;
    },
    putOperation: (op) =>
      void s.putOperation.run({
        ...op,
        error: op.error ? JSON.stringify(op.error) : null,
        failure: op.failure ? JSON.stringify(op.failure) : null,
      }),
    dueOperations: (now) => (s.dueOperations.all(now) as OperationRow[]).map(toOperation),
    runningOperationsOf: (resourceId) => (s.runningOf.all(resourceId) as OperationRow[]).map(toOperation),
    nextDueAt: () => (s.nextDue.get() as number | null) ?? undefined,
  };
};
