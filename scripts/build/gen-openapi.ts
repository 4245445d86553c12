// Generates the OpenAPI 3.1 document of the control plane's API: written to
// schema/generated/openapi.json, and served as is at /v1/openapi.json.
import type { ResolvedSchema } from './load-schema.ts';
import { propertiesToJsonSchema, propertyToJsonSchema } from './json-schema.ts';
import { kindMeta } from './gen-registry.ts';
import { consolePaths } from './openapi-console-paths.ts';
import { adminPaths } from './openapi-admin-paths.ts';
import { leasePaths } from './openapi-lease-paths.ts';
import { errorResponses, json, pathParam, ref } from './openapi-parts.ts';

const RESOURCE_STATUSES = ['pending', 'provisioning', 'ready', 'updating', 'deleting', 'failed'];

/** The whole document; every route the control plane registers has its path here (a test compares them). */
export function generateOpenApi(schema: ResolvedSchema): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, hint: { type: 'string' } },
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
    '/': { get: { summary: 'The web console', security: [], responses: { '200': { description: 'Its page', content: { 'text/html': {} } } } } },
    '/console/{file}': {
      get: {
        summary: "The web console's script, stylesheet and page",
        security: [],
        parameters: [pathParam('file')],
        responses: { '200': { description: 'The file' }, ...errorResponses(404) },
      },
    },
    '/healthz': { get: { summary: 'Liveness', security: [], responses: { '200': { description: 'OK' } } } },
    '/v1/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OK' } } } },
    '/metrics': {
      get: {
        summary: "This instance's Prometheus series (text exposition format 0.0.4); aggregates only, no project's data",
        security: [],
        responses: { '200': { description: 'The series', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
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
        parameters: [pathParam('project'), pathParam('id')],
        responses: { '200': { description: 'OK', content: json(ref('Operation')) }, ...errorResponses(401, 404) },
      },
    },
    '/v1/projects/{project}/placements:preview': {
      post: {
        summary: 'Dry run of a batch of accelerator requests',
        parameters: [
          pathParam('project'),
          {
            name: 'Aicloud-Lease',
            in: 'header',
            schema: { type: 'string' },
            description: 'Creates and growths the lease holds preview as the leased allocation',
          },
        ],
        responses: { '200': { description: 'OK' }, ...errorResponses(400, 401, 404) },
      },
    },
    '/v1/projects/{project}/locks/{stack}': {
      put: {
        summary: 'Take or refresh a stack lock',
        parameters: [pathParam('project'), pathParam('stack')],
        responses: { '200': { description: 'Held' }, ...errorResponses(400, 401, 404, 423) },
      },
      get: {
        summary: 'Who holds a stack lock',
        parameters: [pathParam('project'), pathParam('stack')],
        responses: { '200': { description: 'Held' }, ...errorResponses(401, 404) },
      },
      delete: {
        summary: 'Release (holder) or break (force) a stack lock',
        parameters: [pathParam('project'), pathParam('stack')],
        responses: { '204': { description: 'Released' }, ...errorResponses(401, 404, 423) },
      },
    },
  };
  adminPaths(paths);
  leasePaths(paths, schemas);
  for (const r of schema.resources) {
    const { kind, collection } = kindMeta(r.token, schema.raw);
    const outputs = Object.fromEntries(
      Object.entries(r.outputs).filter(([k]) => !(k in r.inputs) && k !== 'status' && k !== 'statusReason' && k !== 'allocation'),
    );
    schemas[`${kind}Spec`] = {
      type: 'object',
      properties: propertiesToJsonSchema(r.inputs, { defaults: true }),
      required: r.requiredInputs,
      additionalProperties: false,
    };
    schemas[kind] = {
      type: 'object',
      description: r.description,
      required: ['kind', 'project', 'name', 'id', 'spec', 'status', 'resourceVersion'],
      properties: {
        kind: { const: kind },
        project: { type: 'string' },
        name: { type: 'string' },
        id: { type: 'string' },
        spec: ref(`${kind}Spec`),
        status: { enum: RESOURCE_STATUSES },
        statusReason: { type: ['string', 'null'] },
        allocation: r.outputs.allocation ? propertyToJsonSchema(r.outputs.allocation, { defaults: false }) : { type: 'null' },
        outputs: { type: 'object', properties: propertiesToJsonSchema(outputs, { defaults: false }) },
        resourceVersion: { type: 'integer' },
        generation: { type: 'integer' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    };
    const change = { type: 'object', properties: { resource: ref(kind), operation: { oneOf: [ref('Operation'), { type: 'null' }] } } };
    const base = `/v1/projects/{project}/${collection}`;
    paths[base] = {
      post: {
        summary: `Create a ${kind}`,
        parameters: [
          pathParam('project'),
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
          {
            name: 'Aicloud-Lease',
            in: 'header',
            schema: { type: 'string' },
            description: 'A capacity lease a Cluster or ModelEndpoint create draws its placement from, when it holds one for it',
          },
        ],
        requestBody: { required: true, content: json(ref(`${kind}Spec`)) },
        responses: { '202': { description: 'Accepted', content: json(change) }, ...errorResponses(400, 401, 404, 409) },
      },
      get: {
        summary: `List ${collection}`,
        parameters: [
          pathParam('project'),
          { name: 'labelSelector', in: 'query', schema: { type: 'string' }, description: 'k=v,k2!=v2,k3,!k4' },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          { name: 'pageToken', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'OK',
            content: json({ type: 'object', properties: { items: { type: 'array', items: ref(kind) }, nextPageToken: { type: ['string', 'null'] } } }),
          },
          ...errorResponses(400, 401, 404),
        },
      },
    };
    const ifMatch = { name: 'If-Match', in: 'header', schema: { type: 'string' } };
    const merge = { type: 'object' };
    paths[`${base}/{name}`] = {
      get: {
        summary: `Read a ${kind}`,
        parameters: [pathParam('project'), pathParam('name')],
        responses: { '200': { description: 'OK', content: json(ref(kind)) }, ...errorResponses(401, 404) },
      },
      patch: {
        summary: `Change a ${kind} in place (JSON merge patch of the spec)`,
        parameters: [
          pathParam('project'),
          pathParam('name'),
          ifMatch,
          {
            name: 'Aicloud-Lease',
            in: 'header',
            schema: { type: 'string' },
            description: "A capacity lease a Cluster's growth or a ModelEndpoint's replicas draw on, when it holds them",
          },
        ],
        requestBody: { required: true, content: { 'application/merge-patch+json': { schema: merge }, 'application/json': { schema: merge } } },
        responses: {
          '202': { description: 'Accepted', content: json(change) },
          '200': { description: 'No change', content: json(change) },
          ...errorResponses(400, 401, 404, 409, 412),
        },
      },
      delete: {
        summary: `Delete a ${kind}`,
        parameters: [pathParam('project'), pathParam('name'), ifMatch],
        responses: { '202': { description: 'Accepted', content: json(change) }, ...errorResponses(401, 404, 409, 412) },
      },
    };
  }
  consolePaths(paths, schemas);
  return {
    // OpenAPI 3.1 allows no $comment at the top; an extension field carries the notice.
    'x-comment': 'Generated from schema/schema.json by scripts/build.ts. Do not edit.',
    openapi: '3.1.0',
    info: { title: 'aicloud control plane', version: schema.version, description: schema.raw.description },
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
