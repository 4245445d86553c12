import { readStack, toObserved, previewPlan, type StackCloud } from '../apply/index.ts';
import { defaultStackName, loadStack, type ManifestDiagnostic } from '../gitops/index.ts';
import { buildPlan, coreRegistry, type DesiredResource, type Plan } from '../plan/index.ts';

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
  let stack = options.stack ?? defaultStackName(options.dir);
  // A destroy needs no manifests: the stack's resources are found by their label.
  if (!options.destroy) {
    const loaded = await loadStack(options.dir, {
      ...(options.stack ? { stack: options.stack } : {}),
      ...(options.region ? { defaultRegion: options.region } : {}),
    });
    desired = loaded.desired;
    warnings = loaded.warnings;
    stack = loaded.stack;
  }
  const observed = (await readStack(cloud, stack)).map(toObserved);
  const plan = buildPlan(desired, observed, coreRegistry(), {
    stack,
    project: options.project,
    ...(options.destroy ? { destroy: true } : {}),
    ...(options.refreshOnly ? { refreshOnly: true } : {}),
  });
  return { plan: await previewPlan(cloud, plan), warnings };
}
