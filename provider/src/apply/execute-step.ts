import { abortableSleep } from '../client/index.ts';
import { kindInfo, resourceOutputs, type CloudResource, type Kind } from '../../../core/index.ts';
import type { StepExecutor } from './apply-types.ts';
import { convergeCreate } from './converge-create.ts';
import { convergeDelete } from './converge-delete.ts';
import { convergeUpdate } from './converge-update.ts';
import type { ConvergeContext } from './converge-context.ts';
import { CreateKeys } from './create-keys.ts';
import type { StackCloud } from './stack-cloud.ts';

export interface ExecutorOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Longest wait for a resource busy with an operation the step did not start (default 30 minutes). */
  busyTimeoutMs?: number;
  /** Part of the fresh Idempotency-Keys this apply makes after a failed create; random unless a test fixes it. */
  keyNonce?: string;
}

/**
 * Carries out plan steps through the client so that running a step again is
 * always safe: the first try does what the plan says (with the plan's
 * If-Match, so a change made after the plan is never overwritten), and every
 * retry reads the resource and does only what is still needed. Failed
 * operations, lost answers and a walker retry therefore all end in the state
 * the plan asked for, or in PLAN_STALE when someone else changed it.
 */
export function cloudExecutor(cloud: StackCloud, options: ExecutorOptions = {}): StepExecutor {
  const keys = new CreateKeys(options.keyNonce);
  const tried = new Set<string>();
  return async (step, signal) => {
    const firstTry = !tried.has(step.address);
    tried.add(step.address);
    const ctx: ConvergeContext = {
      cloud,
      signal,
      keys,
      sleep: options.sleep ?? abortableSleep,
      now: options.now ?? Date.now,
      busyTimeoutMs: options.busyTimeoutMs ?? 30 * 60_000,
    };
    switch (step.action) {
      case 'create':
      case 'replace':
        return { outputs: maskedOutputs(await convergeCreate(ctx, step, firstTry)) };
      case 'update':
        return { outputs: maskedOutputs(await convergeUpdate(ctx, step, firstTry)) };
      case 'delete':
        await convergeDelete(ctx, step, firstTry);
        return {};
      case 'no-op':
        return {};
    }
  };
}

/** The outputs users see after apply: the core's flat outputs with every secret masked. */
export function maskedOutputs(resource: CloudResource): Record<string, unknown> {
  const outputs = resourceOutputs(resource);
  for (const key of kindInfo(resource.kind as Kind).secretOutputs) {
    if (outputs[key] !== undefined) outputs[key] = '(secret)';
  }
  return outputs;
}
