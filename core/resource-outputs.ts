import type { Kind } from './generated/registry.ts';
import { kindInfo } from './kinds-registry.ts';

/** A resource as the control plane returns it (docs/architecture.md). */
export interface CloudResource {
  kind: Kind;
  project: string;
  name: string;
  id: string;
  spec: Record<string, unknown>;
  status: 'pending' | 'provisioning' | 'ready' | 'updating' | 'deleting' | 'failed';
  statusReason?: string | null;
  allocation?: Record<string, unknown> | null;
  outputs?: Record<string, unknown>;
  resourceVersion: number;
  generation?: number;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * The flat output properties Pulumi and Terraform record: spec + status + allocation + outputs, limited
 * to the schema's output properties, with no undefined or non-JSON values (so encoding can never fail
 * after the cloud has already done the work).
 */
export function resourceOutputs(resource: CloudResource): Record<string, unknown> {
  const info = kindInfo(resource.kind);
  const merged: Record<string, unknown> = {
    ...resource.spec,
    ...(resource.outputs ?? {}),
    status: resource.status,
    statusReason: resource.statusReason ?? undefined,
    allocation: resource.allocation ?? undefined,
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(info.outputs)) {
    const v = sanitize(merged[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Drops undefined, functions, symbols and non-finite numbers; turns dates into ISO strings. */
export function sanitize(v: unknown): unknown {
  if (v === undefined || v === null) return v === null ? undefined : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(sanitize).filter((x) => x !== undefined);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = sanitize(x);
      if (y !== undefined) out[k] = y;
    }
    return out;
  }
  return undefined;
}
