import type { PlacementOutcome, Plan } from './plan-types.ts';

/**
 * Adds the control plane's placement preview to a plan. A request that will
 * not fit makes the plan fail now rather than halfway through apply.
 */
export function attachPlacement(plan: Plan, outcomes: readonly PlacementOutcome[]): Plan {
  if (!plan.placement) return plan;
  const problems = [...plan.problems];
  for (const outcome of outcomes) {
    // Work that names a queue waits there; the plan says so but is not refused.
    if (outcome.fits || outcome.queued) continue;
    problems.push({
      code: 'PLAN_WILL_NOT_FIT',
      address: outcome.address,
      message: `${outcome.address} will not fit: ${outcome.message ?? 'no capacity'}`,
      hint:
        outcome.action === 'replicas'
          ? "lower replicas, raise the cluster's profileCount, or free instances other endpoints use; `aicloud capacity` shows instances in endpoints"
          : 'lower nodeCount, pick another zone or placement, or free capacity; `aicloud capacity` shows what is free',
    });
  }
  return { ...plan, placement: { requests: plan.placement.requests, outcomes: [...outcomes] }, problems };
}
