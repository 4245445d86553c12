import { admissionStateOf, keepAdmissionState } from './admission-state.ts';
import type { ControlPlane } from './control-plane.ts';
import { iso, readDoc, toRecord, type WireResource } from './resource-doc.ts';

/** Rewrites one resource's document when `change` says it changed, with a new version and time. */
export async function updateDoc(cp: ControlPlane, id: string, change: (doc: WireResource) => boolean | Promise<boolean>): Promise<void> {
  const record = await cp.store.getResourceById(id);
  if (!record) return;
  const doc = readDoc(record);
  if (!(await change(doc))) return;
  doc.resourceVersion += 1;
  doc.updatedAt = iso(cp.clock.now());
  await cp.store.putResource(toRecord(doc, record.secret));
}

/**
 * A resource deleted while it moves: the move is called off (its target is freed and its update
 * operation ends), so the delete does not wait for a migration nobody needs any more.
 */
export async function cancelMoveOf(cp: ControlPlane, id: string, now: number, why = 'it is being deleted'): Promise<boolean> {
  const state = await admissionStateOf(cp);
  const move = state.moves.find((m) => m.owner === id);
  if (!move) return false;
  cp.allocatorEpoch++;
  cp.allocator.release(move.holdingOwner);
  await cp.store.deleteHoldingsOf(move.holdingOwner);
  for (const op of await cp.store.runningOperationsOf(id)) {
    if (op.type !== 'update' || op.dueAt !== move.due) continue;
    await cp.store.putOperation({
      ...op,
      status: 'failed',
      error: { code: 'CANCELLED', message: `the move of ${op.kind} ${op.name} was called off: ${why}` },
      doneAt: now,
    });
  }
  await keepAdmissionState(cp, { ...state, moves: state.moves.filter((m) => m !== move) });
  return true;
}

/**
 * An endpoint placed at once on a cluster that is being moved: the move is called off and the cluster
 * stays where it is, because replicas placed on the source servers would be left behind by the move
 * (and a cluster with endpoints is never moved).
 */
export async function keepClusterInPlace(cp: ControlPlane, clusterId: string): Promise<void> {
  const now = cp.clock.now();
  if (!(await cancelMoveOf(cp, clusterId, now, 'an endpoint was placed on its servers'))) return;
  await updateDoc(cp, clusterId, (doc) => {
    if (doc.status !== 'updating') return false;
    doc.status = 'ready';
    doc.statusReason = null;
    return true;
  });
}
