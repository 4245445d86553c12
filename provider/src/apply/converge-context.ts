import { AicloudError, diffResource, isAicloudError, type CloudResource, type ErrorCode, type Kind } from '../../../core/index.ts';
import type { PlanStep } from '../plan/index.ts';
import type { CreateKeys } from './create-keys.ts';
import type { StackCloud } from './stack-cloud.ts';

/** What every convergent step needs: the cloud, the walk's signal, a clock for waiting, and the create keys of this apply. */
export interface ConvergeContext {
  cloud: StackCloud;
  signal: AbortSignal;
  keys: CreateKeys;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Longest wait for a resource that is busy with an operation this step did not start. */
  busyTimeoutMs: number;
}

/**
 * A step that keeps meeting new states gives up after this many looks, so
 * two writers racing on one resource end in an error instead of a livelock.
 */
export const MAX_LOOKS = 6;

const BUSY = new Set(['pending', 'provisioning', 'updating', 'deleting']);

export function isBusy(r: CloudResource): boolean {
  return BUSY.has(r.status);
}

/** Whether the cloud's spec is what the step wants, by the core's own diff: the planner's notion of "unchanged". */
export function hasInputs(step: PlanStep, r: CloudResource): boolean {
  return diffResource(step.kind as Kind, r.spec, step.inputs ?? {}).step === 'no-op';
}

/**
 * Whether nobody changed the resource's spec since the plan read it. Only a
 * spec change moves the generation (status changes and failed operations do
 * not), so this holds even when the plan's If-Match is out of date.
 */
export function untouchedSincePlan(step: PlanStep, r: CloudResource): boolean {
  return step.prior !== undefined && (r.generation ?? 1) === step.prior.generation;
}

export function hasCode(error: unknown, ...codes: ErrorCode[]): error is AicloudError {
  return isAicloudError(error) && codes.includes(error.code);
}

/** The refusal to overwrite a change made after the plan. */
export function planStale(step: PlanStep, what: string): AicloudError {
  return new AicloudError('PLAN_STALE', `${step.address} ${what} since the plan was made; applying the plan would overwrite that change`, {
    hint: 'run `aicloud plan` again and review the new plan',
  });
}

/** A resource the step must not finish on: its operation failed again. Retryable, so the walker comes back. */
export function stillFailed(step: PlanStep, r: CloudResource): AicloudError {
  return new AicloudError('OPERATION_FAILED', `${step.address} is still failed: ${r.statusReason ?? 'no reason given'}`);
}

/**
 * Waits until an operation someone else started (or whose answer was lost)
 * settles, by reading the resource: reads are what advance the cloud's
 * operations. Returns the settled resource, or undefined once it is gone.
 */
export async function waitWhileBusy(ctx: ConvergeContext, step: PlanStep, first: CloudResource): Promise<CloudResource | undefined> {
  const deadline = ctx.now() + ctx.busyTimeoutMs;
  let current: CloudResource | undefined = first;
  let pause = 50;
  while (current && isBusy(current)) {
    if (ctx.now() >= deadline) {
      throw new AicloudError('OPERATION_TIMEOUT', `${step.address} stayed ${current.status} for longer than ${Math.round(ctx.busyTimeoutMs / 1000)}s`);
    }
    await ctx.sleep(Math.min(pause, Math.max(0, deadline - ctx.now())), ctx.signal);
    pause = Math.min(2_000, pause * 2);
    current = await ctx.cloud.get(step.kind as Kind, step.name);
  }
  return current;
}
