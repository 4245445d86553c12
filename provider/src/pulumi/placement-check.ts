import { AicloudError, containsUnknown, type ClusterInputs, type Kind } from '../../../core/index.ts';
import { clusterPreviewBatch, clusterVerdict } from '../plan/index.ts';
import type { ProviderState } from './provider-state.ts';

/**
 * A preview's placement check, as Terraform's plan and the GitOps plan make it: a new cluster, or one
 * that grows, is asked of the control plane's placement preview; one that cannot fit fails the
 * preview with PLAN_WILL_NOT_FIT naming the field that sizes it. The engine creates a replacement
 * before it deletes the old cluster, so nothing is released first. Work that names a queue waits there
 * (the engine offers no warning channel to a provider, so it passes), and a preview that could not
 * run passes: the create still refuses what does not fit.
 */
export async function checkPlacement(
  state: ProviderState,
  kind: Kind,
  step: 'create' | 'update',
  inputs: Record<string, unknown>,
  before?: Record<string, unknown>,
): Promise<void> {
  if (kind !== 'Cluster' || containsUnknown(inputs)) return;
  // Check gave the engine the core's validated, defaulted inputs; these are they.
  const cluster = inputs as unknown as ClusterInputs;
  const requests = clusterPreviewBatch(step, cluster, before, false);
  if (!requests.length) return;
  let outcome;
  try {
    const client = await state.getClient();
    if (!client.previewPlacements) return;
    outcome = (await client.previewPlacements(requests)).at(-1);
  } catch {
    return;
  }
  const verdict = clusterVerdict(outcome, cluster);
  if (verdict.kind !== 'will-not-fit') return;
  throw new AicloudError('PLAN_WILL_NOT_FIT', `Cluster ${cluster.name} will not fit: ${verdict.message}`, {
    field: verdict.field,
    value: cluster[verdict.field],
    hint: `Lower ${verdict.field}, pick another zone or placement, or free capacity (the getCapacity function shows what is free).`,
  });
}
