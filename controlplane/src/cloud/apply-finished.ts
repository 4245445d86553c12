import type { OperationRecord } from '../store/index.ts';
import type { ControlPlane } from './control-plane.ts';
import type { WireResource } from './resource-doc.ts';
import { settleOperation } from './settle-operation.ts';

/**
 * Writes a change and its operation. A running operation leaves the resource as given; one that
 * finished at once sets the final status in the same write, so time scale 0 costs one write per row.
 * Deletes that finish at once go through the full settle (the resource and its rows go away).
 */
export async function writeChange(cp: ControlPlane, doc: WireResource, op: OperationRecord, put: (doc: WireResource) => Promise<void>): Promise<void> {
  if (op.status === 'running') {
    await put(doc);
    return;
  }
  if (op.type === 'delete') {
    await put(doc);
    await cp.store.putOperation({ ...op, status: 'running', error: null, doneAt: null });
    await settleOperation(cp, { ...op, status: 'running', error: null, doneAt: null });
    return;
  }
  doc.status = op.status === 'failed' ? 'failed' : 'ready';
  doc.statusReason = op.status === 'failed' ? (op.error?.message ?? 'failed') : null;
  await put(doc);
  await cp.store.putOperation(op);
}
