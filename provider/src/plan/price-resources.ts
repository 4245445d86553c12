import type { PlanRegistry } from './plan-registry.ts';
import type { DesiredResource, ObservedResource } from './plan-types.ts';

/** What one resource costs an hour and how many accelerators it takes from free capacity. */
export interface ResourceFigures {
  cost: number;
  acc: number;
}

/**
 * Prices every resource once, index for index with `wanted` and `observed`;
 * the steps and the totals both read these. An endpoint or pool is priced
 * with the accelerator type of the cluster it names, as the manifests or the
 * cloud declare it (the manifests win).
 */
export function priceResources(
  wanted: readonly DesiredResource[],
  observed: readonly ObservedResource[],
  registry: PlanRegistry,
): { wanted: ResourceFigures[]; observed: ResourceFigures[] } {
  const clusterTypes = new Map<string, string>();
  for (const o of observed) if (o.kind === 'Cluster' && typeof o.spec.acceleratorType === 'string') clusterTypes.set(o.name, o.spec.acceleratorType);
  for (const d of wanted) if (d.kind === 'Cluster' && typeof d.inputs.acceleratorType === 'string') clusterTypes.set(d.name, d.inputs.acceleratorType);
  const figure = (kind: string, inputs: Record<string, unknown>): ResourceFigures => {
    const type = typeof inputs.cluster === 'string' ? clusterTypes.get(inputs.cluster) : undefined;
    return { cost: registry.hourlyCost(kind, inputs, type ? { acceleratorType: type } : {}), acc: registry.acceleratorCount(kind, inputs) };
  };
  return { wanted: wanted.map((d) => figure(d.kind, d.inputs)), observed: observed.map((o) => figure(o.kind, o.spec)) };
}
