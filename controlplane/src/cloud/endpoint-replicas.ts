import { reservedReplicas } from '../../../core/index.ts';
import { toReplicaPlacements, type ReplicaPlacement } from './allocation-wire.ts';
import { changeHoldings, type ControlPlane } from './control-plane.ts';
import { rowsOfPlacement } from './holding-rows.ts';
import { specOf } from './resource-doc.ts';
import { ENDPOINT_FIELDS, refusalError } from './refusal-error.ts';

/** An endpoint's replicas, decided inside its cluster's holding; `commit` writes and records them. */
export interface ReplicaPlan {
  placements: ReplicaPlacement[];
  commit: (cp: ControlPlane) => Promise<void>;
}

/**
 * Places an endpoint's replicas on accelerators of its cluster that no other endpoint uses: a replica
 * of up to a server's size in one server, a larger one in whole servers of one supernode. Placing an
 * endpoint again replaces its rows.
 */
export function planReplicas(cp: ControlPlane, clusterId: string, endpointId: string, raw: Record<string, unknown>): ReplicaPlan {
  const spec = specOf({ kind: 'ModelEndpoint', spec: raw }, 'ModelEndpoint');
  const d = cp.allocator.placeReplicas({
    clusterOwner: clusterId,
    endpointOwner: endpointId,
    replicas: reservedReplicas(spec),
    acceleratorsPerReplica: spec.acceleratorsPerReplica,
    ...(spec.acceleratorProfile !== undefined ? { profile: spec.acceleratorProfile } : {}),
  });
  if (!d.ok) throw refusalError(d, (f) => (f ? (ENDPOINT_FIELDS[f] ?? f) : 'replicas'));
  return {
    placements: toReplicaPlacements(d.replicas ?? []),
    commit: (c) =>
      changeHoldings(
        c,
        async (store) => {
          await store.deleteHoldingsOf(endpointId);
          await store.putHoldings(rowsOfPlacement(d));
        },
        (allocator) => allocator.commit(endpointId, d),
      ),
  };
}

/** Keeps the replicas an endpoint has when its update does not change how many or how large. */
export function keepsReplicas(before: Record<string, unknown>, spec: Record<string, unknown>, placements: readonly ReplicaPlacement[]): boolean {
  return (
    reservedReplicas(spec) === placements.length &&
    spec.acceleratorsPerReplica === before.acceleratorsPerReplica &&
    spec.acceleratorProfile === before.acceleratorProfile
  );
}
