import type { Kind } from '../../../core/index.ts';
import type { PlanStep } from '../plan/index.ts';
import { hasCode, isBusy, MAX_LOOKS, planStale, untouchedSincePlan, waitWhileBusy, type ConvergeContext } from './converge-context.ts';

/**
 * Brings a delete step to its end: a resource already gone is done, one whose
 * delete failed or whose version moved without a spec change is deleted again
 * with the current version, one changed after the plan is left alone (PLAN_STALE).
 */
export async function convergeDelete(ctx: ConvergeContext, step: PlanStep, firstTry: boolean): Promise<void> {
  if (firstTry) {
    try {
      await ctx.cloud.delete(step.kind as Kind, step.name, { signal: ctx.signal, ...(step.prior ? { ifMatch: step.prior.resourceVersion } : {}) });
      return;
    } catch (error) {
      if (!hasCode(error, 'PRECONDITION_FAILED')) throw error;
    }
  }
  for (let look = 0; look < MAX_LOOKS; look++) {
    let current = await ctx.cloud.get(step.kind as Kind, step.name);
    if (current && isBusy(current)) current = await waitWhileBusy(ctx, step, current);
    if (!current) return;
    if (step.prior && !untouchedSincePlan(step, current)) throw planStale(step, 'was changed');
    try {
      await ctx.cloud.delete(step.kind as Kind, step.name, { signal: ctx.signal, ifMatch: current.resourceVersion });
      return;
    } catch (error) {
      if (hasCode(error, 'PRECONDITION_FAILED')) continue;
      throw error;
    }
  }
  throw planStale(step, 'kept changing while the apply looked at it');
}
