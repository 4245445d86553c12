import { randomHex } from './random-hex.ts';
import type { InputsByKind, Kind } from '../../../core/index.ts';
import type { ResourceRecord, ResourceStatus } from '../store/index.ts';
import type { AllocationSummary } from './allocation-wire.ts';

/** A resource on the wire (docs/architecture.md); secrets are added per reply, never stored here. */
export interface WireResource {
  kind: string;
  project: string;
  name: string;
  id: string;
  spec: Record<string, unknown>;
  status: ResourceStatus;
  statusReason: string | null;
  allocation: AllocationSummary | null;
  outputs: Record<string, unknown>;
  resourceVersion: number;
  generation: number;
  createdAt: string;
  updatedAt: string;
}

const ID_PREFIX: Record<string, string> = {
  Cluster: 'cl',
  Queue: 'q',
  Volume: 'vol',
  FileSystem: 'fs',
  Bucket: 'bkt',
  KvCachePool: 'kvp',
  ModelEndpoint: 'ep',
};

/**
 * Ids start with the creation time in hex, so rows keyed by them (operations, holdings) are appended
 * to the end of their table instead of landing on a random page; the random tail keeps them unique
 * across processes sharing one file.
 */
export function newResourceId(kind: string): string {
  return `${ID_PREFIX[kind] ?? 'res'}-${timePrefix()}${randomHex(4)}`;
}

export function newOperationId(): string {
  return `op-${timePrefix()}${randomHex(5)}`;
}

const timePrefix = () => Date.now().toString(16).padStart(12, '0');

export const iso = (ms: number) => new Date(ms).toISOString();

export function readDoc(record: ResourceRecord): WireResource {
  return JSON.parse(record.doc) as WireResource;
}

export function toRecord(doc: WireResource, secret: string | null): ResourceRecord {
  return {
    id: doc.id,
    project: doc.project,
    kind: doc.kind,
    name: doc.name,
    resourceVersion: doc.resourceVersion,
    doc: JSON.stringify(doc),
    secret,
  };
}

/** Status a resource shows while an operation of this type runs on it. */
export function runningStatus(type: 'create' | 'update' | 'delete'): ResourceStatus {
  return type === 'create' ? 'provisioning' : type === 'update' ? 'updating' : 'deleting';
}

/**
 * A stored resource's spec as its kind's typed inputs. Every spec the cloud stores passed the core's
 * validation (create, update) before it was written, so its shape is the kind's; this is the one
 * place that says so, and the domain reads typed fields instead of casting each one.
 */
export function specOf<K extends Kind>(doc: Pick<WireResource, 'kind' | 'spec'>, kind: K): InputsByKind[K] {
  if (doc.kind !== kind) throw new Error(`expected a ${kind}, got a ${doc.kind}`);
  return doc.spec as unknown as InputsByKind[K];
}

/** Every kind declares `labels`; selectors read them without knowing the kind. */
export function labelsOf(doc: Pick<WireResource, 'kind' | 'spec'>): Record<string, string> {
  return specOf(doc, doc.kind as Kind).labels ?? {};
}

/** Validated inputs as the plain record the store and the wire carry. */
export function asSpec(inputs: object): Record<string, unknown> {
  return inputs as Record<string, unknown>;
}

/**
 * The accelerator type a cluster runs on: the one its spec names, or the one the cloud chose from its
 * `acceleratorTypes` (kept in its outputs). Endpoints, pools, costs and quotas follow this type.
 */
export function clusterTypeOf(doc: Pick<WireResource, 'kind' | 'spec' | 'outputs'>): string {
  const named = specOf(doc, 'Cluster').acceleratorType;
  if (named !== undefined) return named;
  const chosen = doc.outputs.acceleratorType;
  return typeof chosen === 'string' ? chosen : '';
}
