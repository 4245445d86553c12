import { AicloudError } from '../../../core/index.ts';
import type { AllocatorCore } from './allocator-core.ts';
import { quotaKey } from './holding-state.ts';
import type { AllocationRequest, Refusal } from './types.ts';

/** A project's limit of one accelerator type, in accelerators; `null` removes it. */
export function setQuota(core: AllocatorCore, project: string, acceleratorType: string, limit: number | null): void {
  if (limit === null) {
    core.quotas.delete(quotaKey(project, acceleratorType));
    return;
  }
  if (!Number.isInteger(limit) || limit < 0)
    throw new AicloudError('OUT_OF_RANGE', `a quota must be a whole number of accelerators, got ${String(limit)}`, { field: 'limit', value: limit });
  core.quotas.set(quotaKey(project, acceleratorType), limit);
}

/** A project's limit of one accelerator type (null when none) and what it uses now. */
export function quotaOf(core: AllocatorCore, project: string, acceleratorType: string): { limit: number | null; used: number } {
  const key = quotaKey(project, acceleratorType);
  return { limit: core.quotas.get(key) ?? null, used: core.quotaUsed.get(key) ?? 0 };
}

/** A refusal when the request would take the project over its limit, so decisions never plan past a quota. */
export function checkQuota(core: AllocatorCore, req: AllocationRequest, asked: number): Refusal | undefined {
  const key = quotaKey(req.project, req.acceleratorType);
  const limit = core.quotas.get(key);
  if (limit === undefined) return undefined;
  const used = core.quotaUsed.get(key) ?? 0;
  if (used + asked <= limit) return undefined;
  return {
    ok: false,
    code: 'QUOTA_EXCEEDED',
    owner: req.owner,
    project: req.project,
    message: `quota for ${req.acceleratorType} in project ${req.project} is ${limit}; ${used} in use, asked ${asked}`,
    quota: { project: req.project, acceleratorType: req.acceleratorType, limit, used, asked },
  };
}

/** Keeps the per-project use in step with what holdings take and give back. */
export function addQuotaUse(core: AllocatorCore, project: string, type: number, delta: number): void {
  const key = quotaKey(project, core.topo.typeNames[type]!);
  const next = (core.quotaUsed.get(key) ?? 0) + delta;
  if (next === 0) core.quotaUsed.delete(key);
  else core.quotaUsed.set(key, next);
}
