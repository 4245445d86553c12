import type { CloudResource, Kind } from '../../../core/index.ts';
import type { PlanStep } from '../plan/index.ts';
import { hasCode, hasInputs, isBusy, MAX_LOOKS, planStale, stillFailed, untouchedSincePlan, waitWhileBusy, type ConvergeContext } from './converge-context.ts';

/**
 * Brings an update step to its end. The first try patches with the plan's
 * If-Match. When that version is out of date (a lost answer whose patch
 * landed, a failed operation that moved the version) or the operation failed,
 * it reads the resource: a patch that landed and came up is accepted, one that
 * landed and failed is retried by sending the spec again, one that never
 * landed is sent again with the current version. A spec that someone else
 * changed after the plan is never overwritten: that is PLAN_STALE.
 */
export async function convergeUpdate(ctx: ConvergeContext, step: PlanStep, firstTry: boolean): Promise<CloudResource> {
  if (firstTry) {
    try {
      return settled(step, await patch(ctx, step, step.patch ?? {}, step.prior?.resourceVersion));
    } catch (error) {
      if (!hasCode(error, 'PRECONDITION_FAILED')) throw error;
    }
  }
  for (let look = 0; look < MAX_LOOKS; look++) {
    let current = await ctx.cloud.get(step.kind as Kind, step.name);
    if (current && isBusy(current)) current = await waitWhileBusy(ctx, step, current);
    if (!current) throw planStale(step, 'was deleted');
    try {
      if (hasInputs(step, current)) {
        if (current.status === 'ready') return current;
        // Landed, but its operation failed: sending the same spec again makes the cloud retry it.
        return settled(step, await patch(ctx, step, {}, current.resourceVersion));
      }
      if (!untouchedSincePlan(step, current)) throw planStale(step, 'was changed');
      return settled(step, await patch(ctx, step, step.patch ?? {}, current.resourceVersion));
    } catch (error) {
      // Someone wrote between the read and the patch: look again.
      if (hasCode(error, 'PRECONDITION_FAILED')) continue;
      throw error;
    }
  }
  throw planStale(step, 'kept changing while the apply looked at it');
}

function patch(ctx: ConvergeContext, step: PlanStep, body: Record<string, unknown>, ifMatch: number | undefined): Promise<CloudResource> {
  return ctx.cloud.update(step.kind as Kind, step.name, body, { signal: ctx.signal, ...(ifMatch !== undefined ? { ifMatch } : {}) });
}

/** A patch the cloud answered without an operation leaves a failed resource failed; that is not done. */
function settled(step: PlanStep, r: CloudResource): CloudResource {
  if (r.status === 'failed') throw stillFailed(step, r);
  return r;
}
