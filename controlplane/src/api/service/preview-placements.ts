import { validate } from '../../../../provider/src/core/index.ts';
import { apiError } from '../errors.ts';
import type { PreviewRequest, PreviewResult } from './allocator-port.ts';
import type { ControlPlane } from './control-plane.ts';

/**
 * Dry run of a plan's accelerator requests taken together: creations, growth of existing clusters
 * and releases of clusters the plan deletes or replaces (applied first, as apply would). Changes nothing.
 */
export function previewPlacements(cp: ControlPlane, project: string, body: unknown): { results: PreviewResult[] } {
  const raw = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(raw)) throw apiError('MISSING_FIELD', 'requests must be an array', { field: 'requests', status: 400 });
  const requests: PreviewRequest[] = raw.map((r, i) => parseRequest(r, i));
  const owners = new Map<string, string>();
  for (const r of requests) {
    if (r.action === 'create') continue;
    const rec = cp.store.getResource(project, 'Cluster', r.name);
    if (rec) owners.set(r.name, rec.id);
  }
  return { results: cp.allocator.preview(project, requests, owners) };
}

function parseRequest(r: unknown, i: number): PreviewRequest {
  const field = `requests[${i}]`;
  if (!r || typeof r !== 'object') throw apiError('INVALID_TYPE', `${field} must be an object`, { field, status: 400 });
  const o = r as Record<string, unknown>;
  const action = o.action ?? 'create';
  if (typeof o.name !== 'string') throw apiError('MISSING_FIELD', `${field}.name is required`, { field: `${field}.name`, status: 400 });
  if (action === 'release') return { action, name: o.name };
  if (action === 'grow') {
    if (!Number.isInteger(o.nodeCount) || (o.nodeCount as number) < 1) {
      throw apiError('OUT_OF_RANGE', `${field}.nodeCount must be a positive integer (the new total)`, { field: `${field}.nodeCount`, status: 400 });
    }
    return { action, name: o.name, nodeCount: o.nodeCount as number };
  }
  if (action !== 'create') {
    throw apiError('INVALID_VALUE', `${field}.action must be create, grow or release`, { field: `${field}.action`, value: action, status: 400 });
  }
  const v = validate('Cluster', { name: o.name, zone: o.zone, acceleratorType: o.acceleratorType, nodeCount: o.nodeCount, placement: o.placement });
  if (!v.ok) {
    const d = v.diagnostics[0];
    throw apiError('INVALID_VALUE', `${field}.${d.path}: ${d.message}`, { field: `${field}.${d.path}`, status: 400 });
  }
  const c = v.value;
  return { action, name: c.name, zone: c.zone, acceleratorType: c.acceleratorType, nodeCount: c.nodeCount, placement: c.placement };
}
