import type { CloudResource, Kind } from '../../../core/index.ts';
import type { PlanStep } from '../plan/index.ts';
import { hasCode, hasInputs, isBusy, MAX_LOOKS, planStale, untouchedSincePlan, waitWhileBusy, type ConvergeContext } from './converge-context.ts';

/**
 * Brings a create or replace step to its end from whatever state the cloud is
 * in. The first try does what the plan says; a retry (or a conflict) reads the
 * resource and does only what is still missing: it adopts a create that
 * already succeeded, deletes a failed one and creates it again under a fresh
 * key, and finishes the delete half of a replace that did not happen yet.
 */
export async function convergeCreate(ctx: ConvergeContext, step: PlanStep, firstTry: boolean): Promise<CloudResource> {
  if (firstTry) {
    try {
      if (step.action === 'replace') await ctx.cloud.delete(step.kind as Kind, step.name, { signal: ctx.signal, ...planIfMatch(step) });
      return await create(ctx, step);
    } catch (error) {
      // A stale If-Match or a name already taken only means the cloud is not as the plan saw it: look.
      if (!hasCode(error, 'PRECONDITION_FAILED', 'ALREADY_EXISTS')) throw error;
    }
  }
  for (let look = 0; look < MAX_LOOKS; look++) {
    let current = await ctx.cloud.get(step.kind as Kind, step.name);
    if (current && isBusy(current)) current = await waitWhileBusy(ctx, step, current);
    if (!current) {
      try {
        return await create(ctx, step);
      } catch (error) {
        // Taken between the read and the create (look again), or taken where this project cannot
        // see it, as a bucket's global name can be: that is the user's to solve.
        if (!hasCode(error, 'ALREADY_EXISTS') || !(await ctx.cloud.get(step.kind as Kind, step.name))) throw error;
        continue;
      }
    }
    try {
      if (hasInputs(step, current)) {
        if (current.status === 'ready') return current;
        // Failed with the wanted spec: ours (or the plan's old one) never came up. Start over.
        await ctx.cloud.delete(step.kind as Kind, step.name, { signal: ctx.signal, ifMatch: current.resourceVersion });
        ctx.keys.spend(step);
        continue;
      }
      // Another spec: for a replace, the old resource while nobody touched it since the plan.
      if (step.action === 'replace' && untouchedSincePlan(step, current)) {
        await ctx.cloud.delete(step.kind as Kind, step.name, { signal: ctx.signal, ifMatch: current.resourceVersion });
        continue;
      }
      throw planStale(step, step.action === 'replace' ? 'was changed' : 'was created by someone else');
    } catch (error) {
      // Someone wrote between the read and the delete: look again.
      if (hasCode(error, 'PRECONDITION_FAILED')) continue;
      throw error;
    }
  }
  throw planStale(step, 'kept changing while the apply looked at it');
}

async function create(ctx: ConvergeContext, step: PlanStep): Promise<CloudResource> {
  const key = ctx.keys.current(step);
  try {
    return await ctx.cloud.create(step.kind as Kind, step.inputs ?? {}, { signal: ctx.signal, ...(key ? { idempotencyKey: key } : {}) });
  } catch (error) {
    // The cloud replays a failed create to its key forever; the next try needs another.
    if (hasCode(error, 'OPERATION_FAILED')) ctx.keys.spend(step);
    throw error;
  }
}

function planIfMatch(step: PlanStep): { ifMatch?: number } {
  return step.prior ? { ifMatch: step.prior.resourceVersion } : {};
}
