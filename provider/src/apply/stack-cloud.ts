import type { PlacementRequest, PlacementResult, StackLock } from '../client/index.ts';
import type { CloudResource, Kind } from '../../../core/index.ts';

/**
 * The part of the control-plane client that planning and applying use. The
 * real `CloudClient` satisfies it structurally; tests may pass anything that does.
 */
export interface StackCloud {
  create(kind: Kind, inputs: Record<string, unknown>, options?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<CloudResource>;
  get(kind: Kind, name: string): Promise<CloudResource | undefined>;
  list(kind: Kind, options?: { labelSelector?: string }): Promise<CloudResource[]>;
  update(kind: Kind, name: string, patch: Record<string, unknown>, options?: { ifMatch?: number | string; signal?: AbortSignal }): Promise<CloudResource>;
  delete(kind: Kind, name: string, options?: { ifMatch?: number | string; signal?: AbortSignal }): Promise<void>;
  previewPlacements(requests: PlacementRequest[]): Promise<PlacementResult[]>;
  lock(stack: string, holder: string, ttlSeconds?: number): Promise<StackLock>;
  unlock(stack: string, options?: { holder?: string; force?: boolean }): Promise<void>;
}
