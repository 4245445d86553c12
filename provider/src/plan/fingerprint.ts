import { createHash } from 'node:crypto';
import type { ObservedResource } from './plan-types.ts';

/**
 * Identifies the observed state a plan was computed from. Every write bumps a
 * resource's resourceVersion, so any change in the stack (including a resource
 * appearing or vanishing) changes the fingerprint and a saved plan is refused.
 */
export function fingerprintState(project: string, stack: string, observed: readonly ObservedResource[]): string {
  const lines = observed.map((r) => `${r.kind}/${r.name}@${r.resourceVersion}`).sort();
  const hash = createHash('sha256');
  hash.update(`${project}\n${stack}\n`);
  for (const line of lines) hash.update(`${line}\n`);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Idempotency key of a create. Stack, address and generation name the intent;
 * the fingerprint separates a later re-creation of the same address from this
 * one, so the control plane never replays a create that was deleted since.
 */
export function idempotencyKey(stack: string, address: string, generation: number, fingerprint: string): string {
  const digest = createHash('sha256').update(`${stack}\n${address}\n${generation}\n${fingerprint}`).digest('hex');
  return `aicloud-${digest.slice(0, 40)}`;
}
