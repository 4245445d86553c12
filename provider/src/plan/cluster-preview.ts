import { clusterNeedsPreview, clusterPreviewCreate, clusterSizeField, type ClusterInputs, type ClusterPreviewCreate } from '../../../core/index.ts';

/** One entry of a placement preview batch for a cluster's change (the `placements:preview` wire shape). */
export type ClusterPreviewEntry = ClusterPreviewCreate | { action: 'release'; name: string } | { action: 'grow'; name: string; nodeCount: number };

/**
 * The preview batch for one cluster's change, as the Terraform and Pulumi adapters ask it (the GitOps
 * plan asks for its whole plan at once): a create asks for the cluster; a replace that frees the old
 * cluster first (`releaseFirst`) gives it back before; a growth asks for the new total. Empty when the
 * core says the change needs no preview.
 */
export function clusterPreviewBatch(
  step: 'create' | 'update' | 'replace',
  cluster: ClusterInputs,
  before?: { nodeCount?: unknown },
  releaseFirst = true,
): ClusterPreviewEntry[] {
  if (!clusterNeedsPreview(step, before, cluster)) return [];
  if (step === 'update') return [{ action: 'grow', name: cluster.name, nodeCount: cluster.nodeCount }];
  const create = clusterPreviewCreate(cluster);
  return step === 'replace' && releaseFirst ? [{ action: 'release', name: cluster.name }, create] : [create];
}

/** What the preview's answer means for a plan: it fits, it will wait in its queue, or it will not fit (an error naming the field). */
export type ClusterVerdict =
  { kind: 'fits' } | { kind: 'queued'; message: string } | { kind: 'will-not-fit'; message: string; field: ReturnType<typeof clusterSizeField> };

/** The same reading of an outcome for every front end: queued work is a warning, work that cannot fit an error. */
export function clusterVerdict(
  outcome: { fits: boolean; queued?: boolean; message?: string } | undefined,
  cluster: Pick<ClusterInputs, 'acceleratorProfile'>,
): ClusterVerdict {
  if (!outcome || outcome.fits) return { kind: 'fits' };
  if (outcome.queued) return { kind: 'queued', message: outcome.message ?? 'not enough free accelerators now' };
  return { kind: 'will-not-fit', message: outcome.message ?? 'not enough free accelerators', field: clusterSizeField(cluster) };
}
