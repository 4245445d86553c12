// OpenAPI paths of /v1/projects/{project}/leases (capacity leases bound to saved plans, docs/leases.md)
// and /v1/projects/{project}/snapshot (the occupancy what-if plans start from, docs/what-if.md).
import { errorResponses, json, pathParam } from './openapi-parts.ts';

const holding = {
  type: 'object',
  properties: {
    address: { type: 'string', description: 'Cluster/name or ModelEndpoint/name.' },
    name: { type: 'string' },
    action: {
      enum: ['create', 'grow', 'replicas'],
      description: "A new cluster, the servers a cluster grows by, or an endpoint's replicas inside its cluster; absent means create.",
    },
    owner: { type: 'string', description: 'The allocator owner that holds it while leased.' },
    acceleratorType: { type: 'string' },
    placement: { type: 'string' },
    nodeCount: { type: 'integer', description: "A cluster's total servers after the change." },
    clusterId: { type: 'string', description: 'grow: the cluster it is for.' },
    fromNodeCount: { type: 'integer', description: 'grow: the servers the cluster held when the lease was taken.' },
    cluster: { type: 'string', description: 'replicas: the cluster they run in.' },
    replicas: { type: 'integer' },
    acceleratorsPerReplica: { type: 'integer' },
    acceleratorProfile: { type: 'string' },
    profileCount: { type: 'integer' },
    allocation: { type: 'object', description: 'What the change gets; for grow, only the servers it adds.' },
    consumedBy: { type: ['string', 'null'], description: 'Id of the resource that drew on it.' },
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
      acceleratorCount: {
        type: 'integer',
        description:
          'Accelerators taken from free capacity that the lease still holds (clusters created or grown; endpoint replicas are counted with their cluster).',
      },
      holdings: { type: 'array', items: holding },
    },
  };
  const lease = json({ $ref: '#/components/schemas/Lease' });
  const base = '/v1/projects/{project}/leases';
  paths[base] = {
    post: {
      summary:
        "Lease the placements of a plan (the placement preview's requests: new clusters, growth, endpoint replicas; releases are left out) for ttlSeconds",
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
