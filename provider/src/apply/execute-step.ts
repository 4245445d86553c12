import { kindInfo, resourceOutputs, type CloudResource, type Kind } from '../core/index.ts';
import type { PlanStep } from '../plan/plan-types.ts';
import type { StepExecutor } from './apply-types.ts';
import type { StackCloud } from './stack-cloud.ts';

/**
 * Carries out plan steps through the client. Updates and deletes send the
 * resourceVersion the plan saw (If-Match), so a step never overwrites a change
 * made after the plan. A replace deletes first because a name is unique in a project.
 */
export function cloudExecutor(cloud: StackCloud): StepExecutor {
  return async (step, signal) => {
    switch (step.action) {
      case 'create':
        return { outputs: maskedOutputs(await create(cloud, step, signal)) };
      case 'update': {
        const updated = await cloud.update(step.kind as Kind, step.name, step.patch ?? {}, { signal, ...ifMatch(step) });
        return { outputs: maskedOutputs(updated) };
      }
      case 'replace':
        await cloud.delete(step.kind as Kind, step.name, { signal, ...ifMatch(step) });
        return { outputs: maskedOutputs(await create(cloud, step, signal)) };
      case 'delete':
        await cloud.delete(step.kind as Kind, step.name, { signal, ...ifMatch(step) });
        return {};
      case 'no-op':
        return {};
    }
  };
}

async function create(cloud: StackCloud, step: PlanStep, signal: AbortSignal): Promise<CloudResource> {
  return cloud.create(step.kind as Kind, step.inputs ?? {}, { signal, ...(step.idempotencyKey ? { idempotencyKey: step.idempotencyKey } : {}) });
}

function ifMatch(step: PlanStep): { ifMatch?: number } {
  return step.prior ? { ifMatch: step.prior.resourceVersion } : {};
}

/** The outputs users see after apply: the core's flat outputs with every secret masked. */
export function maskedOutputs(resource: CloudResource): Record<string, unknown> {
  const outputs = resourceOutputs(resource);
  for (const key of kindInfo(resource.kind as Kind).secretOutputs) {
    if (outputs[key] !== undefined) outputs[key] = '(secret)';
  }
  return outputs;
}
