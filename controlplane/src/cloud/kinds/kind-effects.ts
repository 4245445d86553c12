import type { Kind } from '../../../../core/index.ts';
import type { AllocationSummary } from '../allocation-wire.ts';
import type { ControlPlane } from '../control-plane.ts';
import type { WireResource } from '../resource-doc.ts';

/** What a kind adds to a change besides its spec: accelerators held, outputs, a secret. */
export interface Effects {
  /** Writes the change's holding rows and then records it in the allocator; run after the resource's writes. */
  commitHoldings?: (cp: ControlPlane) => Promise<void>;
  allocation: AllocationSummary | null;
  outputs: Record<string, unknown>;
  /** Plain secret to seal and store (an endpoint's apiKey), when one is new. */
  secret?: string;
}

/**
 * One kind's effects in the cloud: what a create and an in-place update do beyond storing the
 * validated spec. Each kind has its own module; the create and update paths look the kind up here
 * instead of switching on it. `spec` is the validated spec as stored.
 */
export interface KindEffects {
  /** Decides a create's effects; throws the API's 409 when the cloud cannot do it. `leaseId` is the capacity lease it may draw on. */
  create(cp: ControlPlane, project: string, kind: Kind, id: string, spec: Record<string, unknown>, leaseId?: string): Promise<Effects>;
  /** Decides the effects of an in-place update from `before` to `spec`; `leaseId` is the capacity lease it may draw on. */
  update(cp: ControlPlane, before: WireResource, spec: Record<string, unknown>, leaseId?: string): Promise<Effects>;
  /** Whether a change of this kind can let queued work in, so admission runs after it. */
  wakesAdmission?: { create?: boolean; update?: boolean };
}
