import type { Kind } from '../../../core/index.ts';
import type { ResourceRecord } from '../store/index.ts';
import type { ControlPlane } from './control-plane.ts';
import { KIND_EFFECTS, type Effects } from './kinds/index.ts';
import type { WireResource } from './resource-doc.ts';

/**
 * A create's effects, decided by the kind's own module; throws the API's 409 when the cloud cannot do
 * it. `leaseId` names a capacity lease (header `Aicloud-Lease`) a cluster or endpoint create draws its placement from.
 */
export function createEffects(cp: ControlPlane, project: string, kind: Kind, id: string, spec: Record<string, unknown>, leaseId?: string): Promise<Effects> {
  return KIND_EFFECTS[kind].create(cp, project, kind, id, spec, leaseId);
}

/**
 * An in-place update's effects from `before` to `spec`, decided by the kind's own module. `leaseId` names
 * a capacity lease (header `Aicloud-Lease`) a cluster's growth or an endpoint's replicas draw on.
 */
export function updateEffects(cp: ControlPlane, before: WireResource, spec: Record<string, unknown>, leaseId?: string): Promise<Effects> {
  return KIND_EFFECTS[before.kind as Kind].update(cp, before, spec, leaseId);
}

/** Whether a change of `kind` can let queued work in, so admission runs after it. */
export function wakesAdmission(kind: Kind, change: 'create' | 'update'): boolean {
  return KIND_EFFECTS[kind].wakesAdmission?.[change] === true;
}

/** Adds an endpoint's apiKey to a reply when the caller may see it. */
export function withSecret(cp: ControlPlane, record: ResourceRecord, doc: WireResource): WireResource {
  if (!record.secret) return doc;
  return { ...doc, outputs: { ...doc.outputs, apiKey: cp.secrets.open(record.secret) } };
}
