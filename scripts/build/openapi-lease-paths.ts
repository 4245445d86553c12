// OpenAPI paths of /v1/projects/{project}/leases (capacity leases bound to saved plans, docs/leases.md)
// and /v1/projects/{project}/snapshot (the occupancy what-if plans start from, docs/what-if.md).
import { errorResponses, json, pathParam } from './openapi-parts.ts';

const holding = {
  type: 'object',
  properties: {
    address: { type: 'string' },
    name: { type: 'string' },
    owner: { type: 'string', description: 'The allocator owner that holds it while leased.' },
    acceleratorType: { type: 'string' },
    placement: { type: 'string' },
    nodeCount: { type: 'integer' },
    acceleratorProfile: { type: 'string' },
    profileCount: { type: 'integer' },
    allocation: { type: 'object' },
    consumedBy: { type: ['string', 'null'], description: 'Id of the cluster that drew on it.' },
  },
};

/** Adds the lease paths and the Lease schema. */
export function leasePaths(paths: Record<string, unknown>, schemas: Record<string, unknown>): void {
  schemas.Lease = {
    type: 'object',
    required: ['id', 'project', 'owner', 'status', 'expiresAt', 'planDigest', 'holdings'],
    properties: {
      id: { type: 'string' },
      project: { type: 'string' },
      owner: { type: 'string' },
      status: { enum: ['active', 'released', 'expired', 'consumed'] },
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time' },
      endedAt: { type: ['string', 'null'], format: 'date-time' },
      planDigest: { type: 'string' },
      acceleratorCount: { type: 'integer', description: 'Accelerators the lease still holds.' },
      holdings: { type: 'array', items: holding },
    },
  };
  const lease = json({ $ref: '#/components/schemas/Lease' });
  const base = '/v1/projects/{project}/leases';
  paths[base] = {
    post: {
      summary: "Lease the placements of a plan's new clusters (the placement preview's requests) for ttlSeconds",
      parameters: [pathParam('project'), { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['requests', 'ttlSeconds', 'planDigest'],
          properties: {
            requests: { type: 'array', items: { type: 'object' } },
            ttlSeconds: { type: 'integer', minimum: 1 },
            planDigest: { type: 'string' },
            owner: { type: 'string' },
          },
        }),
      },
      responses: { '201': { description: 'Leased', content: lease }, ...errorResponses(400, 401, 404, 409) },
    },
    get: {
      summary: "A project's leases, newest first",
      parameters: [pathParam('project')],
      responses: {
        '200': {
          description: 'OK',
          content: json({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Lease' } } } }),
        },
        ...errorResponses(401, 404),
      },
    },
  };
  paths[`${base}/{id}`] = {
    get: {
      summary: 'A lease',
      parameters: [pathParam('project'), pathParam('id')],
      responses: { '200': { description: 'OK', content: lease }, ...errorResponses(401, 404) },
    },
    delete: {
      summary: 'Release a lease: what it still holds is free again',
      parameters: [pathParam('project'), pathParam('id')],
      responses: { '200': { description: 'Released', content: lease }, ...errorResponses(401, 404) },
    },
  };
  paths['/v1/projects/{project}/snapshot'] = {
    get: {
      summary:
        "The cloud's occupancy for what-if plans: holdings, health marks, queues, leases and the project's resources; other projects' holders stay anonymous to a project token",
      parameters: [pathParam('project')],
      responses: { '200': { description: 'OK' }, ...errorResponses(401, 404) },
    },
  };
  paths[`${base}/{id}:extend`] = {
    post: {
      summary: "Move an active lease's expiry later by bySeconds",
      parameters: [pathParam('project'), pathParam('id')],
      requestBody: { required: true, content: json({ type: 'object', required: ['bySeconds'], properties: { bySeconds: { type: 'integer', minimum: 1 } } }) },
      responses: { '200': { description: 'Extended', content: lease }, ...errorResponses(400, 401, 404, 410) },
    },
  };
}
