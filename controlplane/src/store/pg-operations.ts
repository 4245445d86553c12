import { toOperation, type OperationRow } from './operation-row.ts';
import type { PgTables, Row } from './pg-query.ts';

/** Operations: what each change is doing, and when the scheduler is due to move it on. */
export const pgOperations: PgTables<'getOperation' | 'putOperation' | 'dueOperations' | 'runningOperationsOf' | 'nextDueAt' | 'listOperations'> = ({
  query,
  one,
}) => ({
  getOperation: async (project, id) => {
    const row = await one<OperationRow & Row>('getOperation', 'SELECT * FROM operations WHERE project = $1 AND id = $2', [project, id]);
    return row ? toOperation(row) : undefined;
  },
  putOperation: async (op) =>
    void (await query(
      'putOperation',
      `INSERT INTO operations (id, project, type, kind, name, resource_id, status, error, failure, created_at, due_at, done_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, error = excluded.error, failure = excluded.failure,
         due_at = excluded.due_at, done_at = excluded.done_at`,
      [
        op.id,
        op.project,
        op.type,
        op.kind,
        op.name,
        op.resourceId,
        op.status,
        op.error ? JSON.stringify(op.error) : null,
        op.failure ? JSON.stringify(op.failure) : null,
        op.createdAt,
        op.dueAt,
        op.doneAt,
      ],
    )),
  dueOperations: async (now) =>
    (
      await query<OperationRow & Row>('dueOperations', "SELECT * FROM operations WHERE status = 'running' AND due_at <= $1 ORDER BY due_at, created_at", [now])
    ).map(toOperation),
  listOperations: async (project, resourceId, limit) =>
    (resourceId === undefined
      ? await query<OperationRow & Row>('listOperations', 'SELECT * FROM operations WHERE project = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
          project,
          limit,
        ])
      : await query<OperationRow & Row>(
          'listOperationsOf',
          'SELECT * FROM operations WHERE project = $1 AND resource_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3',
          [project, resourceId, limit],
        )
    ).map(toOperation),
  runningOperationsOf: async (resourceId) =>
    (await query<OperationRow & Row>('runningOf', "SELECT * FROM operations WHERE status = 'running' AND resource_id = $1", [resourceId])).map(toOperation),
  nextDueAt: async () => {
    const row = await one<{ d: number | null }>('nextDue', "SELECT min(due_at) AS d FROM operations WHERE status = 'running'", []);
    return row?.d ?? undefined;
  },
});
