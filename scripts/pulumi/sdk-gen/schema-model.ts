/** The parts of a Pulumi package schema the SDK generator reads. */
export interface SchemaProperty {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  description?: string;
  default?: unknown;
  secret?: boolean;
  replaceOnChanges?: boolean;
  defaultInfo?: { environment?: string[] };
}

export interface SchemaObjectType {
  type: 'object' | 'string';
  description?: string;
  properties?: Record<string, SchemaProperty>;
  required?: string[];
  enum?: { value: string; name?: string; description?: string }[];
}

export interface SchemaResource {
  description?: string;
  inputProperties: Record<string, SchemaProperty>;
  requiredInputs?: string[];
  properties: Record<string, SchemaProperty>;
  required?: string[];
}

export interface SchemaFunction {
  description?: string;
  inputs?: { properties?: Record<string, SchemaProperty>; required?: string[] };
  outputs: { properties: Record<string, SchemaProperty>; required?: string[] };
}

export interface PackageSchema {
  name: string;
  version: string;
  description?: string;
  keywords?: string[];
  license?: string;
  language?: { nodejs?: { packageName?: string; packageDescription?: string } };
  config?: { variables?: Record<string, SchemaProperty> };
  provider?: { description?: string; inputProperties?: Record<string, SchemaProperty>; properties?: Record<string, SchemaProperty> };
  types: Record<string, SchemaObjectType>;
  resources: Record<string, SchemaResource>;
  functions?: Record<string, SchemaFunction>;
}

/** `aicloud:inference:ModelEndpoint` → its module (`inference`) and name (`ModelEndpoint`). */
export function splitToken(token: string): { pkg: string; module: string; name: string } {
  const [pkg, module, name] = token.split(':');
  return { pkg, module, name };
}

/** Resolves `#/config/variables/x` references of the provider block, the only place the schema uses them. */
export function resolveLocalRef(schema: PackageSchema, prop: SchemaProperty): SchemaProperty {
  const m = /^#\/config\/variables\/(.+)$/.exec(prop.$ref ?? '');
  if (!m) return prop;
  const target = schema.config?.variables?.[m[1]];
  return target ? { ...target, ...prop, $ref: undefined } : prop;
}
