import { KIND_SPECS, KINDS, PACKAGE, type PropertySpec } from '../../../core/index.ts';

/** JSON Schema of a schema property (after $ref resolution), for the OpenAPI document. */
function propertySchema(p: PropertySpec): Record<string, unknown> {
  const s: Record<string, unknown> = { description: p.description };
  switch (p.type) {
    case 'map':
      s.type = 'object';
      s.additionalProperties = p.additionalProperties ? propertySchema(p.additionalProperties) : {};
      break;
    case 'array':
      s.type = 'array';
      if (p.items) s.items = propertySchema(p.items);
      break;
    case 'object':
      s.type = 'object';
      s.properties = Object.fromEntries(Object.entries(p.properties ?? {}).map(([k, v]) => [k, propertySchema(v)]));
      if (p.required?.length) s.required = p.required;
      break;
    default:
      s.type = p.type;
  }
  if (p.enum) s.enum = p.enum.map((e) => e.value);
  for (const k of ['minimum', 'maximum', 'pattern', 'minLength', 'maxLength', 'default'] as const) {
    if (p[k] !== undefined) s[k] = p[k];
  }
  if (p.secret) s.writeOnly = false;
  return s;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'Error', content: json(ref('Error')) }]));

/**
 * The OpenAPI 3.1 document, derived from the same generated registry the core validates with, so
 * the served contract cannot drift from what the API accepts.
 */
export function buildOpenApi(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string' },
        hint: { type: 'string' },
      },
    },
    Operation: {
      type: 'object',
      required: ['id', 'type', 'target', 'status', 'createdAt'],
      properties: {
        id: { type: 'string' },
        type: { enum: ['create', 'update', 'delete'] },
        target: { type: 'object', properties: { kind: { type: 'string' }, name: { type: 'string' } } },
        status: { enum: ['running', 'done', 'failed'] },
        error: { type: ['object', 'null'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        createdAt: { type: 'string', format: 'date-time' },
        dueAt: { type: 'string', format: 'date-time' },
        doneAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
  };
  const paths: Record<string, unknown> = {
    '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'OK' } } } },
    '/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OK' } } } },
    '/v1/regions': { get: { summary: 'Regions, zones, supernodes and accelerator types', responses: { '200': { description: 'OK' } } } },
    '/v1/capacity': {
      get: {
        summary: 'Free and total accelerators per zone, supernode and server',
        parameters: [
          { name: 'zone', in: 'query', schema: { type: 'string' } },
          { name: 'acceleratorType', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/v1/projects/{project}/operations/{id}': {
      get: {
        summary: 'An operation; reading it advances it when due',
        parameters: [projectParam(), { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'OK', content: json(ref('Operation')) }, ...errorResponses(401, 404) },
      },
    },
    '/v1/projects/{project}/placements:preview': {
      post: { summary: 'Dry run of a batch of accelerator requests', parameters: [projectParam()], responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 404) } },
    },
    '/v1/projects/{project}/locks/{stack}': {
      put: { summary: 'Take or refresh a stack lock', parameters: [projectParam(), stackParam()], responses: { '200': { description: 'Held' }, ...errorResponses(400, 401, 404, 423) } },
      get: { summary: 'Who holds a stack lock', parameters: [projectParam(), stackParam()], responses: { '200': { description: 'Held' }, ...errorResponses(401, 404) } },
      delete: { summary: 'Release (holder) or break (force) a stack lock', parameters: [projectParam(), stackParam()], responses: { '204': { description: 'Released' }, ...errorResponses(401, 404, 423) } },
    },
    '/v1/admin/projects': { post: { summary: 'Create a project (admin)', responses: { '201': { description: 'Created' }, ...errorResponses(400, 401, 403, 409) } } },
    '/v1/admin/projects/{project}/tokens': { post: { summary: 'Issue a project token (admin)', parameters: [projectParam()], responses: { '201': { description: 'Created' }, ...errorResponses(401, 403, 404) } } },
    '/v1/admin/projects/{project}/quotas/{acceleratorType}': { put: { summary: 'Set a quota (admin)', parameters: [projectParam(), { name: 'acceleratorType', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 403, 404) } } },
    '/v1/admin/faults': {
      post: { summary: 'Set fault injection (admin)', responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 403) } },
      delete: { summary: 'Clear fault injection (admin)', responses: { '200': { description: 'OK' } } },
    },
    '/v1/admin/invariants': { get: { summary: 'Allocator invariants (admin)', responses: { '200': { description: 'OK' } } } },
    '/v1/admin/health': { get: { summary: 'Health marks and the resources running on marked hardware (admin)', responses: { '200': { description: 'OK' } } } },
    '/v1/admin/accelerators:markFaulty': { post: { summary: 'Mark accelerators faulty (admin); the reply names the resources running on them', responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 403) } } },
    '/v1/admin/servers:drain': { post: { summary: 'Drain servers (admin); the reply names the resources running on them', responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 403) } } },
  };
  for (const kind of KINDS) {
    const spec = KIND_SPECS[kind];
    const inputs = Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [k, propertySchema(v)]));
    const outputs = Object.fromEntries(
      Object.entries(spec.outputs)
        .filter(([k]) => !(k in spec.inputs) && k !== 'status' && k !== 'statusReason' && k !== 'allocation')
        .map(([k, v]) => [k, propertySchema(v)]),
    );
    schemas[`${kind}Spec`] = { type: 'object', properties: inputs, required: spec.requiredInputs, additionalProperties: false };
    schemas[kind] = {
      type: 'object',
      description: spec.description,
      required: ['kind', 'project', 'name', 'id', 'spec', 'status', 'resourceVersion'],
      properties: {
        kind: { const: kind },
        project: { type: 'string' },
        name: { type: 'string' },
        id: { type: 'string' },
        spec: ref(`${kind}Spec`),
        status: { enum: ['pending', 'provisioning', 'ready', 'updating', 'deleting', 'failed'] },
        statusReason: { type: ['string', 'null'] },
        allocation: spec.outputs.allocation ? propertySchema(spec.outputs.allocation) : { type: 'null' },
        outputs: { type: 'object', properties: outputs },
        resourceVersion: { type: 'integer' },
        generation: { type: 'integer' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    };
    const change = { type: 'object', properties: { resource: ref(kind), operation: { oneOf: [ref('Operation'), { type: 'null' }] } } };
    const base = `/v1/projects/{project}/${spec.collection}`;
    paths[base] = {
      post: {
        summary: `Create a ${kind}`,
        parameters: [projectParam(), { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
        requestBody: { required: true, content: json(ref(`${kind}Spec`)) },
        responses: { '202': { description: 'Accepted', content: json(change) }, ...errorResponses(400, 401, 404, 409) },
      },
      get: {
        summary: `List ${spec.collection}`,
        parameters: [
          projectParam(),
          { name: 'labelSelector', in: 'query', schema: { type: 'string' }, description: 'k=v,k2!=v2,k3,!k4' },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          { name: 'pageToken', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'OK', content: json({ type: 'object', properties: { items: { type: 'array', items: ref(kind) }, nextPageToken: { type: ['string', 'null'] } } }) },
          ...errorResponses(400, 401, 404),
        },
      },
    };
    const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string' } };
    const ifMatch = { name: 'If-Match', in: 'header', schema: { type: 'string' } };
    paths[`${base}/{name}`] = {
      get: { summary: `Read a ${kind}`, parameters: [projectParam(), nameParam], responses: { '200': { description: 'OK', content: json(ref(kind)) }, ...errorResponses(401, 404) } },
      patch: {
        summary: `Change a ${kind} in place (JSON merge patch of the spec)`,
        parameters: [projectParam(), nameParam, ifMatch],
        requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } },
        responses: { '202': { description: 'Accepted', content: json(change) }, '200': { description: 'No change', content: json(change) }, ...errorResponses(400, 401, 404, 409, 412) },
      },
      delete: {
        summary: `Delete a ${kind}`,
        parameters: [projectParam(), nameParam, ifMatch],
        responses: { '202': { description: 'Accepted', content: json(change) }, ...errorResponses(401, 404, 409, 412) },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'aicloud control plane', version: PACKAGE.version },
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

function projectParam() {
  return { name: 'project', in: 'path', required: true, schema: { type: 'string' } };
}
function stackParam() {
  return { name: 'stack', in: 'path', required: true, schema: { type: 'string' } };
}
