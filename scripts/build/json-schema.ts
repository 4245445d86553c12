// Turns resolved properties into JSON Schema (draft-07), the form ajv, OpenAPI and editors understand.
import type { ResolvedProperty } from './load-schema.ts';

export interface JsonSchemaOptions {
  /** Apply schema defaults (validation wants them; documentation of outputs does not). */
  defaults: boolean;
}

export function propertyToJsonSchema(p: ResolvedProperty, opts: JsonSchemaOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { description: p.description };
  switch (p.type) {
    case 'map':
      out.type = 'object';
      out.additionalProperties = propertyToJsonSchema(p.additionalProperties!, opts);
      break;
    case 'object':
      out.type = 'object';
      out.properties = propertiesToJsonSchema(p.properties ?? {}, opts);
      if (p.required?.length) out.required = p.required;
      out.additionalProperties = false;
      break;
    case 'array':
      out.type = 'array';
      out.items = propertyToJsonSchema(p.items!, opts);
      break;
    default:
      out.type = p.type;
  }
  if (p.enum) out.enum = p.enum.map((e) => e.value);
  for (const k of ['minimum', 'maximum', 'pattern', 'minLength', 'maxLength'] as const) if (p[k] !== undefined) out[k] = p[k];
  if (opts.defaults && p.default !== undefined) out.default = p.default;
  // Nested objects with defaulted members get an empty default so ajv fills their members too.
  if (opts.defaults && p.type === 'object' && !p.required?.length && p.default === undefined) out.default = {};
  return out;
}

export function propertiesToJsonSchema(props: Record<string, ResolvedProperty>, opts: JsonSchemaOptions) {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, propertyToJsonSchema(v, opts)]));
}
