import type { OperationRecord } from '../store/index.ts';

/** An operation as clients see it. */
export interface WireOperation {
  id: string;
  type: OperationRecord['type'];
  target: { kind: string; name: string; id: string };
  status: OperationRecord['status'];
  error: { code: string; message: string } | null;
  createdAt: string;
  dueAt: string;
  doneAt: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function toWireOperation(op: OperationRecord): WireOperation {
  return {
    id: op.id,
    type: op.type,
    target: { kind: op.kind, name: op.name, id: op.resourceId },
    status: op.status,
    error: op.error,
    createdAt: iso(op.createdAt),
    dueAt: iso(op.dueAt),
    doneAt: op.doneAt === null ? null : iso(op.doneAt),
  };
}
