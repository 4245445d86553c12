import type { OperationRecord } from './records.ts';

/** An `operations` row as both stores keep it (same columns in SQLite and PostgreSQL). */
export interface OperationRow {
  id: string;
  project: string;
  type: string;
  kind: string;
  name: string;
  resource_id: string;
  status: string;
  error: string | null;
  failure: string | null;
  created_at: number;
  due_at: number;
  done_at: number | null;
}

export const toOperation = (r: OperationRow): OperationRecord => ({
  id: r.id,
  project: r.project,
  type: r.type as OperationRecord['type'],
  kind: r.kind,
  name: r.name,
  resourceId: r.resource_id,
  status: r.status as OperationRecord['status'],
  error: r.error ? JSON.parse(r.error) : null,
  failure: r.failure ? JSON.parse(r.failure) : null,
  createdAt: r.created_at,
  dueAt: r.due_at,
  doneAt: r.done_at,
});
