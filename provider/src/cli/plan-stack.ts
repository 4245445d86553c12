import { readStack, toObserved, previewPlan, type StackCloud } from '../apply/index.ts';
import { defaultStackName, loadStack, type ManifestDiagnostic } from '../gitops/index.ts';
import { buildPlan, coreRegistry, type DesiredResource, type ObservedResource, type Plan } from '../plan/index.ts';

export interface PlanStackOptions {
  dir: string;
  stack?: string;
  project: string;
  region?: string;
  destroy?: boolean;
  refreshOnly?: boolean;
}

/**
 * The one planning path every command shares: manifests, actual state,
 * the pure plan, then the placement preview of all its accelerator requests.
 */
export async function planStack(cloud: StackCloud, options: PlanStackOptions): Promise<{ plan: Plan; warnings: ManifestDiagnostic[] }> {
  let desired: DesiredResource[] = [];
  let warnings: ManifestDiagnostic[] = [];
  const stack = options.stack ?? defaultStackName(options.dir);
  const observed = (await readStack(cloud, stack)).map(toObserved);
  // A destroy needs no manifests: the stack's resources are found by their label.
  if (!options.destroy) {
    const loaded = await loadStack(options.dir, {
      stack,
      ...(options.region ? { defaultRegion: options.region } : {}),
      chosenTypes: chosenTypes(observed),
    });
    desired = loaded.desired;
    warnings = loaded.warnings;
  }
  const plan = buildPlan(desired, observed, coreRegistry(), {
    stack,
    project: options.project,
    ...(options.destroy ? { destroy: true } : {}),
    ...(options.refreshOnly ? { refreshOnly: true } : {}),
  });
  return { plan: await previewPlan(cloud, plan), warnings };
}

/** The type each existing cluster of the stack runs on (chosen from its acceleratorTypes), by name. */
function chosenTypes(observed: readonly ObservedResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of observed) {
    const type = o.outputs?.acceleratorType;
    if (o.kind === 'Cluster' && typeof type === 'string' && type !== '') out.set(o.name, type);
  }
  return out;
}
