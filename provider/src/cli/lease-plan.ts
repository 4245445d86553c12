import { createLease, getLease, type CloudClient, type Lease, type PlacementRequest } from '../client/index.ts';
import { AicloudError } from '../../../core/index.ts';
import { wireRequest } from '../apply/index.ts';
import { planDigest, type Plan, type PlanLease, type PlacementOutcome } from '../plan/index.ts';

/** The plan's requests the control plane can lease, in the placement preview's wire shape; releases are left out. */
function leasableRequests(plan: Plan): PlacementRequest[] {
  return (plan.placement?.requests ?? []).filter((r) => r.action !== 'release').map(wireRequest);
}

/**
 * The plan's outcome for a leased change, as the lease fixes it: a create's and an endpoint's placement,
 * and for a growth the whole allocation it leaves: the servers the cluster holds now, then the leased ones.
 */
async function leasedOutcome(cloud: CloudClient, o: PlacementOutcome, h: PlanLease['holdings'][number]): Promise<PlacementOutcome> {
  const at = { zone: h.zone, supernodes: h.supernodes, servers: h.servers, acceleratorCount: h.acceleratorCount };
  if (h.action !== 'grow') return { ...o, fits: true, ...at };
  const held = (await cloud.get('Cluster', o.address.slice(o.address.indexOf('/') + 1)))?.allocation as
    { supernodes: string[]; servers: string[]; acceleratorCount: number } | undefined;
  return {
    ...o,
    fits: true,
    zone: h.zone,
    supernodes: [...new Set([...(held?.supernodes ?? []), ...h.supernodes])],
    servers: [...(held?.servers ?? []), ...h.servers],
    acceleratorCount: (held?.acceleratorCount ?? 0) + h.acceleratorCount,
  };
}

/**
 * `aicloud plan --lease`: asks the control plane to hold exactly what the placement preview found for
 * the plan: its new clusters, the servers its growing clusters add, and the replicas of the endpoints
 * the preview places, and records the lease in the plan. The lease places the same requests on the same
 * state the preview just read, so its holdings are the preview's; the plan's outcomes are set from the
 * lease all the same, so the saved plan shows what is held and nothing else.
 */
export async function leasePlan(cloud: CloudClient, plan: Plan, ttlMs: number, owner: string): Promise<Plan> {
  const requests = leasableRequests(plan);
  if (!requests.length)
    throw new AicloudError('INVALID_VALUE', 'the plan creates no cluster, grows none and places no endpoint replicas, so there is no capacity to lease', {
      field: 'lease',
      hint: 'plan without --lease',
    });
  if (plan.problems.length)
    throw new AicloudError('INVALID_VALUE', 'a plan with problems cannot be leased', { field: 'lease', hint: 'fix the problems the plan lists first' });
  const digest = planDigest(plan);
  const lease = await createLease(cloud, { requests, ttlSeconds: Math.max(1, Math.round(ttlMs / 1000)), planDigest: digest, owner });
  const holdings = planHoldings(lease);
  const byStep = new Map(holdings.map((h) => [`${h.address} ${h.action}`, h]));
  const outcomes: PlacementOutcome[] = [];
  for (const o of plan.placement!.outcomes) {
    const h = byStep.get(`${o.address} ${o.action}`);
    outcomes.push(h ? await leasedOutcome(cloud, o, h) : o);
  }
  return { ...plan, placement: { ...plan.placement!, outcomes }, lease: { id: lease.id, expiresAt: lease.expiresAt, planDigest: digest, holdings } };
}

/** What the saved plan records of each holding. */
function planHoldings(lease: Lease): PlanLease['holdings'] {
  return lease.holdings.map((h) => ({
    address: h.address,
    action: h.action ?? 'create',
    zone: h.allocation.zone,
    supernodes: h.allocation.supernodes,
    servers: h.allocation.servers,
    acceleratorCount: h.allocation.acceleratorCount,
  }));
}

/**
 * Before a saved plan with a lease is applied: the lease must still be active and bound to this very
 * plan; then every create and update of the apply names it, so the leased clusters, growths and endpoint
 * replicas get exactly their placements.
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
