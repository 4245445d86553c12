import { KINDS, kindInfo, type CloudResource } from '../../../core/index.ts';
import { STACK_LABEL, type ObservedResource } from '../plan/index.ts';
import type { StackCloud } from './stack-cloud.ts';

/**
 * The actual state of a stack: every resource of every kind labelled with the
 * stack's name. The cloud is the state, so there is no file to lose or lock.
 */
export async function readStack(cloud: StackCloud, stack: string): Promise<CloudResource[]> {
  const lists = await Promise.all(KINDS.map((kind) => cloud.list(kind, { labelSelector: `${STACK_LABEL}=${stack}` })));
  return lists.flat().sort((a, b) => kindInfo(a.kind).collection.localeCompare(kindInfo(b.kind).collection) || a.name.localeCompare(b.name));
}

/** The planner's view of a cloud resource. */
export function toObserved(r: CloudResource): ObservedResource {
  return {
    kind: r.kind,
    name: r.name,
    spec: r.spec,
    resourceVersion: r.resourceVersion,
    ...(r.generation !== undefined ? { generation: r.generation } : {}),
    ...(r.status ? { status: r.status } : {}),
    ...(r.statusReason !== undefined ? { statusReason: r.statusReason } : {}),
    ...(r.allocation ? { allocation: r.allocation } : {}),
    ...(r.outputs ? { outputs: r.outputs } : {}),
  };
}
