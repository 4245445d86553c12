import type { CloudResource, Kind } from '../../../core/index.ts';
import type { PlacementRequest, PlacementResult } from '../client/index.ts';

export type { CloudResource };

/** Per-call options the provider passes through: Cancel aborts, the engine's `timeout` bounds the wait. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  idempotencyKey?: string;
}

/**
 * The part of the control-plane client the provider uses. Declared here so the adapter states its needs;
 * the project's `CloudClient` satisfies it.
 */
export interface CloudApi {
  create(kind: Kind, inputs: Record<string, unknown>, opts?: CallOptions): Promise<CloudResource>;
  get(kind: Kind, name: string, opts?: CallOptions): Promise<CloudResource | undefined>;
  update(kind: Kind, name: string, patch: Record<string, unknown>, opts?: CallOptions & { ifMatch?: number | string }): Promise<CloudResource>;
  delete(kind: Kind, name: string, opts?: CallOptions): Promise<void>;
  /** Waits for the resource's operation in flight, if any; undefined when the resource is gone. */
  awaitResource(kind: Kind, name: string, opts?: CallOptions): Promise<CloudResource | undefined>;
  capacity(query?: { zone?: string; acceleratorType?: string }): Promise<unknown>;
  /** The placement preview a preview's placement check asks; a client without it skips the check. */
  previewPlacements?(requests: PlacementRequest[]): Promise<PlacementResult[]>;
  regions(): Promise<unknown>;
}
