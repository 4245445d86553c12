import type { OperationRecord } from '../store/index.ts';

/** An operation as clients see it. */
export interface WireOperation {
  id: string;
  type: OperationRecord['type'];
  target: { kind: string; name: string; id: string };
  status: OperationRecord['status'];
  error: { code: string; message: string } | null;
  createdAt: string;
  /** Null while the work waits in its queue: nothing says when it will be admitted. */
  dueAt: string | null;
  doneAt: string | null;
}

/** The due time of a create still waiting in a queue (the latest time a date can hold). */
export const PENDING_DUE_AT = 8.64e15;

const iso = (ms: number) => new Date(ms).toISOString();

export function toWireOperation(op: OperationRecord): WireOperation {
  return {
    id: op.id,
    type: op.type,
    target: { kind: op.kind, name: op.name, id: op.resourceId },
    status: op.status,
    error: op.error,
    createdAt: iso(op.createdAt),
    dueAt: op.dueAt >= PENDING_DUE_AT ? null : iso(op.dueAt),
    doneAt: op.doneAt === null ? null : iso(op.doneAt),
  };
}
