// Generates the OpenAPI 3 document the control plane serves at /v1/openapi.json.
import type { ResolvedSchema } from './load-schema.ts';
import { propertiesToJsonSchema } from './json-schema.ts';
import { kindMeta } from './gen-registry.ts';
import { consolePaths } from './openapi-console-paths.ts';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });

export function generateOpenApi(schema: ResolvedSchema): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, hint: { type: 'string' } },
    },
    Operation: {
      type: 'object',
      required: ['id', 'type', 'status'],
      properties: {
        id: { type: 'string' },
        type: { enum: ['create', 'update', 'delete'] },
        target: { type: 'object', properties: { kind: { type: 'string' }, name: { type: 'string' } } },
        status: { enum: ['running', 'done', 'failed'] },
        error: error,
        createdAt: { type: 'string', format: 'date-time' },
        doneAt: { type: 'string', format: 'date-time' },
      },
    },
  };
  for (const r of schema.resources) {
    const m = kindMeta(r.token, schema.raw);
    const { name: _n, region: _r, zone: _z, acceleratorType: _a, ...outputsOnly } = r.outputs;
    schemas[`${m.kind}Inputs`] = {
      type: 'object',
      description: r.description,
      properties: propertiesToJsonSchema(r.inputs, { defaults: true }),
      required: r.requiredInputs.filter((n) => n !== 'region'),
      additionalProperties: false,
    };
    schemas[m.kind] = {
      type: 'object',
      properties: {
        kind: { const: m.kind },
        project: { type: 'string' },
        name: { type: 'string' },
        id: { type: 'string' },
        spec: { $ref: `#/components/schemas/${m.kind}Inputs` },
        status: { enum: ['provisioning', 'ready', 'updating', 'deleting', 'failed'] },
        statusReason: { type: 'string', nullable: true },
        outputs: { type: 'object', properties: propertiesToJsonSchema(outputsOnly, { defaults: false }) },
        resourceVersion: { type: 'integer' },
        generation: { type: 'integer' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    };
    const accepted = {
      description: 'Accepted; the operation tracks the change.',
      content: {
        'application/json': {
          schema: { type: 'object', properties: { resource: { $ref: `#/components/schemas/${m.kind}` }, operation: { $ref: '#/components/schemas/Operation' } } },
        },
      },
    };
    const base = `/v1/projects/{project}/${m.collection}`;
    const projectParam = { name: 'project', in: 'path', required: true, schema: { type: 'string' } };
    const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string' } };
    paths[base] = {
      parameters: [projectParam],
      get: {
        summary: `List ${m.kind} resources`,
        parameters: [
          { name: 'labelSelector', in: 'query', schema: { type: 'string' }, description: 'k=v[,k2=v2]' },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
          { name: 'pageToken', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'A page of resources.',
            content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${m.kind}` } }, nextPageToken: { type: 'string' } } } } },
          },
          401: errorResponse('Missing or bad token.'),
          404: errorResponse('No such project for this token.'),
        },
      },
      post: {
        summary: `Create a ${m.kind}`,
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${m.kind}Inputs` } } } },
        responses: {
          202: accepted,
          400: errorResponse('Invalid inputs; `field` names the property.'),
          401: errorResponse('Missing or bad token.'),
          409: errorResponse('Name taken, capacity exhausted, or Idempotency-Key reused with another body.'),
        },
      },
    };
    paths[`${base}/{name}`] = {
      parameters: [projectParam, nameParam],
      get: { summary: `Read a ${m.kind}`, responses: { 200: { description: 'The resource; ETag carries its version.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${m.kind}` } } } }, 404: errorResponse('Not found.') } },
      patch: {
        summary: `Update a ${m.kind} in place (JSON merge patch of the inputs)`,
        parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
        requestBody: { required: true, content: { 'application/merge-patch+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } },
        responses: { 202: accepted, 400: errorResponse('Invalid inputs.'), 404: errorResponse('Not found.'), 409: errorResponse('A field that forces replacement changed, or capacity.'), 412: errorResponse('If-Match does not match.') },
      },
      delete: {
        summary: `Delete a ${m.kind}`,
        parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
        responses: { 202: accepted, 404: errorResponse('Not found.'), 409: errorResponse('In use.'), 412: errorResponse('If-Match does not match.') },
      },
    };
  }
  paths['/v1/projects/{project}/operations/{id}'] = {
    get: {
      summary: 'Read an operation (advances whatever is due)',
      parameters: [
        { name: 'project', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: { 200: { description: 'The operation.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Operation' } } } }, 404: errorResponse('Not found.') },
    },
  };
  consolePaths(paths, schemas, errorResponse);
  return {
    $comment: 'Generated from schema/schema.json by scripts/build.ts. Do not edit.',
    openapi: '3.0.3',
    info: { title: 'aicloud control plane', version: schema.version, description: schema.raw.description },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    security: [{ bearer: [] }],
    paths,
  };
}
