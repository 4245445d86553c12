import { advanceDueOperations, finishOperation } from '../operations/index.ts';
import type { OperationRecord } from '../store/index.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';
import { iso, readDoc, runningStatus, toRecord } from './resource-doc.ts';
import { forgetQueuedWork, releaseLeft, runAdmission } from './admission-pass.ts';

/**
 * Applies a due operation to its resource: a finished delete removes the resource and frees its
 * accelerators; a failure marks the resource failed with the reason (a failed cluster keeps its
 * accelerators until it is deleted, so nothing that refers to it is left dangling).
 */
export async function settleOperation(cp: ControlPlane, op: OperationRecord): Promise<void> {
  const done = finishOperation(op);
  await cp.store.putOperation(done);
  const found = await cp.store.getResource(op.project, op.kind, op.name);
  // A resource of the same name made after this one was deleted is not this operation's.
  const record = found?.id === op.resourceId ? found : undefined;
  if (!record) return;
  if (op.type === 'delete' && done.status === 'done') {
    await cp.store.deleteResource(record);
    await releaseLeft(cp, record.id, await forgetQueuedWork(cp, record.id));
    // Freed accelerators may be what a queued request waits for.
    await runAdmission(cp);
    return;
  }
  const doc = readDoc(record);
  const others = (await cp.store.runningOperationsOf(record.id)).filter((o) => o.id !== op.id);
  if (done.status === 'failed') {
    doc.status = 'failed';
    doc.statusReason = done.error?.message ?? 'failed';
  } else if (doc.status === 'pending') {
    // A preempted cluster waits in its queue again; its finished operation does not make it ready.
  } else if (doc.status !== 'failed') {
    doc.status = others.length ? runningStatus(others[0].type) : 'ready';
    doc.statusReason = null;
  }
  doc.resourceVersion += 1;
  doc.updatedAt = iso(done.doneAt ?? op.dueAt);
  await cp.store.putResource(toRecord(doc, record.secret));
}

/** Settles whatever is due; a no-op without touching the database when nothing is. */
export async function advance(cp: ControlPlane): Promise<void> {
  const now = cp.clock.now();
  if (cp.nextDueAt === undefined || now < cp.nextDueAt) return;
  await writeTransaction(cp, async () => {
    cp.nextDueAt = await advanceDueOperations(cp.store, now, (op) => settleOperation(cp, op));
    // Moves that came due finish here, and what they made room for is admitted.
    await runAdmission(cp);
    cp.nextDueAt = await cp.store.nextDueAt();
  });
}
