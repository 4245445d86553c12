import { toWireOperation } from '../operations/index.ts';
import { apiError } from './errors.ts';
import type { ControlPlane } from './control-plane.ts';

/**
 * `GET /v1/projects/{project}/operations`: a project's operations newest first, optionally of one
 * resource (by id), so the console can show a resource's history without keeping it itself.
 */
export async function operationHistory(cp: ControlPlane, project: string, query: { resource?: string; limit?: string }) {
  let limit = 100;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw apiError('INVALID_VALUE', `limit must be a whole number from 1 to 500, got ${JSON.stringify(query.limit)}`, {
        field: 'limit',
        value: query.limit,
        status: 400,
      });
    }
  }
  const resource = query.resource === '' ? undefined : query.resource;
  const ops = await cp.store.listOperations(project, resource, limit);
  return { operations: ops.map(toWireOperation) };
}
