import type { OperationRecord } from '../store/index.ts';
import type { ControlPlane } from './control-plane.ts';
import { newOperationId } from './resource-doc.ts';

import { PENDING_DUE_AT } from '../operations/index.ts';

// A waiting create stays running (and clients keep waiting) until an admission pass gives it a real due time.
export { PENDING_DUE_AT };

/** A create operation for work that waits in its queue; admission sets its due time. */
export async function startPendingOperation(
  cp: ControlPlane,
  target: { project: string; kind: string; name: string; id: string },
  now: number,
): Promise<OperationRecord> {
  const op: OperationRecord = {
    id: newOperationId(),
    project: target.project,
    type: 'create',
    kind: target.kind,
    name: target.name,
    resourceId: target.id,
    status: 'running',
    error: null,
    failure: null,
    createdAt: now,
    dueAt: PENDING_DUE_AT,
    doneAt: null,
  };
  await cp.store.putOperation(op);
  return op;
}

/** Ends the waiting create of work deleted before its queue admitted it. */
export async function cancelPendingOperations(cp: ControlPlane, resourceId: string, now: number): Promise<void> {
  for (const op of await cp.store.runningOperationsOf(resourceId)) {
    if (op.dueAt < PENDING_DUE_AT) continue;
    await cp.store.putOperation({
      ...op,
      status: 'failed',
      error: { code: 'CANCELLED', message: `${op.kind} ${op.name} was deleted while it waited in its queue` },
      doneAt: now,
    });
  }
}
