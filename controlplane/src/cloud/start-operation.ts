import { finishOperation, operationLatencyMs, toWireOperation, type WireOperation } from '../operations/index.ts';
import type { OperationRecord, OperationType } from '../store/index.ts';
import type { ControlPlane } from './control-plane.ts';
import { newOperationId } from './resource-doc.ts';

/**
 * Records a new operation, due after the kind's latency. One that is due at once (time scale 0)
 * comes back finished and unwritten: the caller applies it and writes it with the resource. Whether it will fail is decided now (fault
 * injection), so a restart between start and due time cannot change the outcome. An operation
 * never comes due before an earlier one on the same resource, so they settle in order.
 */
export async function startOperation(
  cp: ControlPlane,
  type: OperationType,
  target: { project: string; kind: string; name: string; id: string },
  now: number,
): Promise<OperationRecord> {
  let dueAt = now + operationLatencyMs(target.kind, type, cp.timeScale);
  // A new resource has no earlier operations; skip the query on the hot create path.
  if (type !== 'create') for (const running of await cp.store.runningOperationsOf(target.id)) dueAt = Math.max(dueAt, running.dueAt);
  const fails = cp.faults.operationFailureRate > 0 && cp.random() < cp.faults.operationFailureRate;
  const op: OperationRecord = {
    id: newOperationId(),
    project: target.project,
    type,
    kind: target.kind,
    name: target.name,
    resourceId: target.id,
    status: 'running',
    error: null,
    failure: fails ? { code: 'OPERATION_FAILED', message: `the cloud failed to ${type} ${target.kind} ${target.name} (injected fault)` } : null,
    createdAt: now,
    dueAt,
    doneAt: null,
  };
  if (dueAt <= now) return finishOperation(op);
  await cp.store.putOperation(op);
  if (cp.nextDueAt === undefined || dueAt < cp.nextDueAt) cp.nextDueAt = dueAt;
  return op;
}

export type { WireOperation };
export { toWireOperation };
