import { partitionCount } from '../../../core/index.ts';
import { attachPlacement, type PlacementOutcome, type PlacementRequest, type Plan } from '../plan/index.ts';
import type { PlacementRequest as WireRequest } from '../client/index.ts';
import type { StackCloud } from './stack-cloud.ts';

/** Asks the control plane whether all of the plan's accelerator requests fit together, and records the answer in the plan. */
export async function previewPlan(cloud: StackCloud, plan: Plan): Promise<Plan> {
  const requests = plan.placement?.requests ?? [];
  if (requests.length === 0) return plan;
  const wire = requests.map(wireRequest);
  const results = await cloud.previewPlacements(wire);
  const outcomes: PlacementOutcome[] = results.map((result) => {
    const request = requests[result.index] ?? requests.find((r) => r.name === result.name)!;
    if (!result.fits) {
      return {
        address: request.address,
        action: request.action,
        fits: false,
        ...(result.queued ? { queued: true } : {}),
        message: result.message ?? result.code ?? 'no capacity',
      };
    }
    const a = result.allocation as { zone: string; supernodes: string[]; servers: string[]; acceleratorCount: number } | undefined;
    return {
      address: request.address,
      action: request.action,
      fits: true,
      ...(result.acceleratorType ? { acceleratorType: result.acceleratorType } : {}),
      ...(a ? { zone: a.zone, supernodes: a.supernodes, servers: a.servers, acceleratorCount: a.acceleratorCount } : {}),
    };
  });
  return attachPlacement(plan, outcomes);
}

/** A plan's accelerator request in the control plane's wire shape, shared by the placement preview and the lease. */
export function wireRequest(r: PlacementRequest): WireRequest {
  return r.action === 'release'
    ? { action: 'release', name: r.name, ...(r.kind === 'ModelEndpoint' ? { kind: 'ModelEndpoint' as const } : {}) }
    : r.action === 'replicas'
      ? {
          action: 'replicas',
          name: r.name,
          cluster: r.cluster!,
          replicas: r.replicas!,
          acceleratorsPerReplica: r.acceleratorsPerReplica ?? 1,
          ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile } : {}),
          ...(r.queue ? { queue: r.queue } : {}),
        }
      : r.action === 'grow'
        ? { action: 'grow', name: r.name, nodeCount: r.nodeCount! }
        : {
            action: 'create',
            name: r.name,
            zone: r.zone!,
            ...(r.acceleratorTypes ? { acceleratorTypes: r.acceleratorTypes } : { acceleratorType: r.acceleratorType! }),
            nodeCount: r.nodeCount!,
            placement: r.placement!,
            ...(r.queue ? { queue: r.queue } : {}),
            ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile, profileCount: partitionCount(r) } : {}),
          };
}
