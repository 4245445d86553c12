import { createHash } from 'node:crypto';
import type { Plan } from './plan-types.ts';

/** What a saved plan records of the capacity lease taken for it (`aicloud plan --lease`). */
export interface PlanLease {
  id: string;
  /** ISO time after which the control plane frees what the lease holds. */
  expiresAt: string;
  /** `sha256:` of the plan without this field; the lease carries the same digest. */
  planDigest: string;
  /**
   * Exactly what is held, per planned change: a new cluster's accelerators (`create`), the servers a
   * cluster grows by (`grow`), or where an endpoint's replicas go inside its cluster (`replicas`).
   */
  holdings: Array<{
    address: string;
    action: 'create' | 'grow' | 'replicas';
    zone: string;
    supernodes: string[];
    servers: string[];
    acceleratorCount: number;
  }>;
}

/** JSON with keys sorted at every level, so a digest does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The digest a lease is bound to: the whole plan but its `lease` and `whatIf` fields and the placement
 * outcomes (which the lease itself fixes), so the lease cannot be used by another plan.
 */
export function planDigest(plan: Plan): string {
  const { lease: _lease, whatIf: _whatIf, ...rest } = plan as Plan & { lease?: unknown; whatIf?: unknown };
  if (rest.placement) rest.placement = { ...rest.placement, outcomes: [] };
  return `sha256:${createHash('sha256').update(canonical(rest)).digest('hex')}`;
}
