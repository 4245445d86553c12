import { createLease, getLease, type CloudClient, type PlacementRequest } from '../client/index.ts';
import { AicloudError } from '../../../core/index.ts';
import { planDigest, type Plan, type PlanLease } from '../plan/index.ts';

/**
 * `aicloud plan --lease`: asks the control plane to hold exactly what the placement preview found for
 * the plan's new clusters, and records the lease in the plan. The lease places the same requests on the
 * same state the preview just read, so its holdings are the preview's; the plan's outcomes are set from
 * the lease all the same, so the saved plan shows what is held and nothing else.
 */
export async function leasePlan(cloud: CloudClient, plan: Plan, ttlMs: number, owner: string): Promise<Plan> {
  const creates = (plan.placement?.requests ?? []).filter((r) => r.action === 'create');
  if (!creates.length)
    throw new AicloudError('INVALID_VALUE', 'the plan creates no cluster, so there is no capacity to lease', { field: 'lease', hint: 'plan without --lease' });
  if (plan.problems.length)
    throw new AicloudError('INVALID_VALUE', 'a plan with problems cannot be leased', { field: 'lease', hint: 'fix the problems the plan lists first' });
  const requests: PlacementRequest[] = creates.map((r) => ({
    action: 'create',
    name: r.name,
    zone: r.zone!,
    acceleratorType: r.acceleratorType!,
    nodeCount: r.nodeCount!,
    placement: r.placement!,
    ...(r.queue ? { queue: r.queue } : {}),
    ...(r.acceleratorProfile ? { acceleratorProfile: r.acceleratorProfile, profileCount: r.profileCount ?? 1 } : {}),
  }));
  const digest = planDigest(plan);
  const lease = await createLease(cloud, { requests, ttlSeconds: Math.max(1, Math.round(ttlMs / 1000)), planDigest: digest, owner });
  const holdings: PlanLease['holdings'] = lease.holdings.map((h) => ({
    address: h.address,
    zone: h.allocation.zone,
    supernodes: h.allocation.supernodes,
    servers: h.allocation.servers,
    acceleratorCount: h.allocation.acceleratorCount,
  }));
  const byAddress = new Map(holdings.map((h) => [h.address, h]));
  const outcomes = plan.placement!.outcomes.map((o) => {
    const h = o.action === 'create' ? byAddress.get(o.address) : undefined;
    return h ? { ...o, fits: true, zone: h.zone, supernodes: h.supernodes, servers: h.servers, acceleratorCount: h.acceleratorCount } : o;
  });
  return { ...plan, placement: { ...plan.placement!, outcomes }, lease: { id: lease.id, expiresAt: lease.expiresAt, planDigest: digest, holdings } };
}

/**
 * Before a saved plan with a lease is applied: the lease must still be active and bound to this very
 * plan; then every create of the apply names it, so the leased clusters get exactly their placements.
 */
export async function usePlanLease(cloud: CloudClient, plan: Plan): Promise<void> {
  const recorded = plan.lease;
  if (!recorded) return;
  const lease = await getLease(cloud, recorded.id);
  if (lease.status !== 'active') {
    const at = lease.endedAt ? ` at ${lease.endedAt}` : '';
    const what = lease.status === 'expired' ? `expired${at}` : lease.status === 'released' ? `was released${at}` : 'was used up';
    throw new AicloudError('LEASE_EXPIRED', `the plan's lease ${lease.id} ${what}; its accelerators were freed and the plan is no longer guaranteed to fit`, {
      field: 'lease',
      hint: 'run `aicloud plan --lease` again and review the new plan',
    });
  }
  const digest = planDigest(plan);
  if (lease.planDigest !== digest || recorded.planDigest !== digest) {
    throw new AicloudError('LEASE_MISMATCH', `lease ${lease.id} was taken for another plan (digest ${lease.planDigest}, this plan ${digest})`, {
      field: 'lease',
    });
  }
  cloud.lease = lease.id;
}
