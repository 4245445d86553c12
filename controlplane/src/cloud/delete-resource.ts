import type { Kind } from '../../../core/index.ts';
import { apiError, notFound } from './errors.ts';
import { writeTransaction, type ControlPlane } from './control-plane.ts';
import type { SerializedReply } from './create-resource.ts';
import { checkIfMatch } from './if-match.ts';
import { usersOf } from './resource-references.ts';
import { iso, readDoc, runningStatus, toRecord } from './resource-doc.ts';
import { writeChange } from './apply-finished.ts';
import { startOperation, toWireOperation } from './start-operation.ts';
import { cancelMoveOf } from './admission-moves.ts';
import { forgetQueuedWork } from './admission-pass.ts';
import { cancelPendingOperations } from './pending-operation.ts';

/**
 * Deletes a resource; its accelerators are freed when the delete operation finishes. A cluster or
 * pool that others still use is a 409 naming them. Deleting what is already being deleted answers
 * with the running delete, so retries are safe.
 */
export async function deleteResource(cp: ControlPlane, project: string, kind: Kind, name: string, ifMatch: string | undefined): Promise<SerializedReply> {
  return writeTransaction(cp, async () => {
    const record = await cp.store.getResource(project, kind, name);
    if (!record) throw notFound(`${kind} ${name}`);
    checkIfMatch(ifMatch, record.resourceVersion);
    const before = readDoc(record);
    const running = (await cp.store.runningOperationsOf(record.id)).find((o) => o.type === 'delete');
    if (running) {
      return { status: 202, body: JSON.stringify({ resource: before, operation: toWireOperation(running) }) };
    }
    const users = await usersOf(cp, before);
    if (users.length) {
      throw apiError('RESOURCE_IN_USE', `${kind} ${name} is used by ${users.join(', ')}`, { details: { usedBy: users } });
    }
    const now = cp.clock.now();
    if (before.status === 'pending') {
      // Nothing is held yet: the queue forgets the request and its waiting create ends.
      await forgetQueuedWork(cp, before.id);
      await cancelPendingOperations(cp, before.id, now);
    }
    await cancelMoveOf(cp, before.id, now);
    const doc = { ...before, status: runningStatus('delete'), statusReason: null, resourceVersion: before.resourceVersion + 1, updatedAt: iso(now) };
    const op = await startOperation(cp, 'delete', doc, now);
    await writeChange(cp, doc, op, (d) => cp.store.putResource(toRecord(d, record.secret)));
    return { status: 202, body: JSON.stringify({ resource: doc, operation: toWireOperation(op) }) };
  });
}
