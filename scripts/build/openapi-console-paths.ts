// OpenAPI paths of the read views the web console uses: occupancy and the operation history.
import { errorResponses, json, pathParam, ref } from './openapi-parts.ts';

const projectParam = pathParam('project');
const mask = { type: 'integer', minimum: 0, description: 'Bit i stands for accelerator i of the server.' };

/** Adds `/occupancy` and `/operations` under a project; the console reads nothing else but the resource collections. */
export function consolePaths(paths: Record<string, unknown>, schemas: Record<string, unknown>): void {
  schemas['OccupancyServer'] = {
    type: 'object',
    required: ['id', 'accelerators', 'faultyMask', 'draining', 'held'],
    properties: {
      id: { type: 'string' },
      accelerators: { type: 'integer' },
      acceleratorType: { type: 'string', description: 'Set on servers outside any supernode.' },
      faultyMask: mask,
      draining: { type: 'boolean' },
      leasedMask: { ...mask, description: 'Accelerators a capacity lease holds.' },
      held: {
        type: 'array',
        description: 'Pairs of [index into holders, mask of the accelerators that holder has on this server].',
        items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
      },
    },
  };
  schemas['Occupancy'] = {
    type: 'object',
    properties: {
      project: { type: 'string' },
      holders: {
        type: 'array',
        description: "Entry 0 stands for every other project's holdings, without names; the admin token sees every holder named.",
        items: {
          type: 'object',
          properties: {
            visible: { type: 'boolean' },
            project: { type: ['string', 'null'] },
            kind: { type: ['string', 'null'] },
            name: { type: ['string', 'null'] },
            id: { type: ['string', 'null'] },
          },
        },
      },
      zones: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            region: { type: 'string' },
            zone: { type: 'string' },
            blocks: {
              type: 'array',
              description: "The allocator's largest free block per accelerator type in this zone.",
              items: {
                type: 'object',
                properties: { acceleratorType: { type: 'string' }, largestFreeBlock: { type: 'integer' }, where: { type: ['string', 'null'] } },
              },
            },
            supernodes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  acceleratorType: { type: 'string' },
                  total: { type: 'integer' },
                  free: { type: 'integer' },
                  wholeServersFree: { type: 'integer' },
                  largestFreeBlock: { type: 'integer' },
                  servers: { type: 'array', items: { $ref: '#/components/schemas/OccupancyServer' } },
                },
              },
            },
            servers: { type: 'array', description: 'Servers outside any supernode.', items: { $ref: '#/components/schemas/OccupancyServer' } },
          },
        },
      },
    },
  };
  paths['/v1/projects/{project}/occupancy'] = {
    get: {
      summary: 'Who holds each accelerator: this project by resource, other projects only as held; faulty and draining hardware',
      parameters: [
        projectParam,
        { name: 'zone', in: 'query', schema: { type: 'string' } },
        { name: 'If-None-Match', in: 'header', schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: 'The occupancy map; ETag names this answer.', content: json(ref('Occupancy')) },
        '304': { description: 'Unchanged since the ETag given in If-None-Match.' },
        ...errorResponses(401, 404),
      },
    },
  };
  paths['/v1/projects/{project}/operations'] = {
    get: {
      summary: "The project's operations, newest first (advances whatever is due)",
      parameters: [
        projectParam,
        { name: 'resource', in: 'query', schema: { type: 'string' }, description: 'Only the operations of this resource id.' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
      ],
      responses: {
        '200': { description: 'Operations.', content: json({ type: 'object', properties: { operations: { type: 'array', items: ref('Operation') } } }) },
        ...errorResponses(400, 401, 404),
      },
    },
  };
}
