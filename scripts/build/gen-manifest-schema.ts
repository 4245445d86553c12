// Generates the JSON Schema of GitOps manifests, which editors use through yaml-language-server.
import type { ResolvedSchema } from './load-schema.ts';
import { propertiesToJsonSchema } from './json-schema.ts';
import { kindMeta } from './gen-registry.ts';

export function generateManifestSchema(schema: ResolvedSchema): Record<string, unknown> {
  const branches = schema.resources.map((r) => {
    const { kind } = kindMeta(r.token, schema.raw);
    const { name: _name, labels: _labels, ...specProps } = r.inputs;
    return {
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: {
        properties: {
          spec: {
            type: 'object',
            description: r.description,
            properties: propertiesToJsonSchema(specProps, { defaults: false }),
            required: r.requiredInputs.filter((n) => n !== 'name' && n !== 'region' && n !== 'labels'),
            additionalProperties: false,
          },
        },
      },
    };
  });
  return {
    $comment: 'Generated from schema/schema.json by scripts/build.ts. Do not edit.',
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://aicloud.dev/schemas/manifest.schema.json',
    title: 'aicloud manifest',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: 'aicloud.dev/v1', description: 'Always `aicloud.dev/v1`.' },
      kind: { enum: schema.resources.map((r) => kindMeta(r.token, schema.raw).kind), description: 'Resource kind.' },
      metadata: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'Resource name, unique per kind in the project.' },
          labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels.' },
          annotations: { type: 'object', additionalProperties: { type: 'string' }, description: 'Annotations, e.g. `aicloud.dev/protect: "true"`.' },
        },
      },
      spec: { type: 'object', description: "The kind's inputs, without the name." },
    },
    allOf: branches,
  };
}
