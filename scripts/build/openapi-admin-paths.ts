// OpenAPI paths of /v1/admin/*: projects, tokens, quotas, faults, health marks, invariants and the
// admission views; the admin token only.
import { errorResponses, pathParam } from './openapi-parts.ts';

const ok = { '200': { description: 'OK' } };
const admin = (summary: string, extra: Record<string, unknown> = {}) => ({ summary: `${summary} (admin)`, ...extra });

/** Adds the admin paths. */
export function adminPaths(paths: Record<string, unknown>): void {
  paths['/v1/admin/projects'] = {
    post: admin('Create a project', { responses: { '201': { description: 'Created' }, ...errorResponses(400, 401, 403, 409) } }),
  };
  paths['/v1/admin/projects/{project}/tokens'] = {
    post: admin('Issue a project token', {
      parameters: [pathParam('project')],
      responses: { '201': { description: 'Created' }, ...errorResponses(401, 403, 404) },
    }),
  };
  paths['/v1/admin/projects/{project}/quotas/{acceleratorType}'] = {
    put: admin('Set a quota', {
      parameters: [pathParam('project'), pathParam('acceleratorType')],
      responses: { ...ok, ...errorResponses(400, 401, 403, 404) },
    }),
  };
  paths['/v1/admin/faults'] = {
    get: admin('The fault injection in force', { responses: { ...ok, ...errorResponses(401, 403) } }),
    post: admin('Set fault injection', { responses: { ...ok, ...errorResponses(400, 401, 403) } }),
    delete: admin('Clear fault injection', { responses: { ...ok, ...errorResponses(401, 403) } }),
  };
  paths['/v1/admin/invariants'] = { get: admin('Allocator invariants', { responses: ok }) };
  paths['/v1/admin/health'] = { get: admin('Health marks and the resources running on marked hardware', { responses: ok }) };
  paths['/v1/admin/accelerators:markFaulty'] = {
    post: admin('Mark accelerators faulty; the reply names the resources running on them', { responses: { ...ok, ...errorResponses(400, 401, 403) } }),
  };
  paths['/v1/admin/servers:drain'] = {
    post: admin('Drain servers; the reply names the resources running on them', { responses: { ...ok, ...errorResponses(400, 401, 403) } }),
  };
  paths['/v1/admin/defragment'] = {
    post: admin('Move preemptible clusters out of a reserved supernode; {"mode": "auto"} makes every admission pass do it', {
      responses: { ...ok, ...errorResponses(400, 401, 403) },
    }),
  };
  paths['/v1/admin/queues'] = { get: admin('The queues: order, reservations and moves', { responses: { ...ok, ...errorResponses(401, 403) } }) };
}
