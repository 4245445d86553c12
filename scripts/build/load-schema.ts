// Reads schema/schema.json and resolves it into flat property specs, so every generator
// (registry, JSON Schema, OpenAPI, docs) walks the same resolved shape instead of chasing $refs.
import { readFileSync } from 'node:fs';
// The type's own file, not core/index.ts: the build must run before core/generated exists.
import type { PropertySpec } from '../../core/registry-types.ts';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const schemaPath = join(repoRoot, 'schema', 'schema.json');

/** A property after $ref resolution: the core's PropertySpec, so generators and the registry share one shape. */
export type ResolvedProperty = PropertySpec;

export interface ResolvedResource {
  token: string;
  description: string;
  inputs: Record<string, ResolvedProperty>;
  requiredInputs: string[];
  outputs: Record<string, ResolvedProperty>;
  requiredOutputs: string[];
}

export interface ResolvedFunction {
  token: string;
  description: string;
  inputs: Record<string, ResolvedProperty>;
  outputs: Record<string, ResolvedProperty>;
  requiredOutputs: string[];
}

export interface ResolvedSchema {
  raw: any;
  name: string;
  version: string;
  config: Record<string, ResolvedProperty>;
  resources: ResolvedResource[];
  functions: ResolvedFunction[];
}

const CONSTRAINTS = ['minimum', 'maximum', 'pattern', 'minLength', 'maxLength'] as const;

export function loadSchema(path = schemaPath): ResolvedSchema {
  const raw = JSON.parse(readFileSync(path, 'utf8'));

  function lookup(ref: string): any {
    const parts = ref.replace(/^#\//, '').split('/');
    let node: any = raw;
    for (const p of parts) {
      node = node?.[p];
      if (node === undefined) throw new Error(`schema.json: unresolved $ref ${ref}`);
    }
    return node;
  }

  function resolve(spec: any, where: string): ResolvedProperty {
    let base = spec;
    let typeName: string | undefined;
    if (spec.$ref) {
      const target = lookup(spec.$ref);
      if (spec.$ref.startsWith('#/types/')) typeName = spec.$ref.slice('#/types/'.length);
      // Property-level keys (description, default, replaceOnChanges) override the referenced type's.
      base = { ...target, ...Object.fromEntries(Object.entries(spec).filter(([k]) => k !== '$ref')) };
      if (spec.$ref.startsWith('#/config/')) typeName = undefined;
    }
    if (!base.description) throw new Error(`schema.json: ${where} has no description`);
    const out: ResolvedProperty = { type: base.type, description: base.description };
    if (typeName) out.typeName = typeName;
    if (base.type === 'object' && base.additionalProperties && !base.properties) {
      out.type = 'map';
      out.additionalProperties = resolve({ description: 'value', ...base.additionalProperties }, `${where}.*`);
    } else if (base.type === 'object') {
      out.properties = {};
      for (const [k, v] of Object.entries<any>(base.properties ?? {})) out.properties[k] = resolve(v, `${where}.${k}`);
      out.required = base.required ?? [];
    } else if (base.type === 'array') {
      out.items = resolve({ description: 'item', ...base.items }, `${where}[]`);
    } else if (!['string', 'integer', 'number', 'boolean'].includes(base.type)) {
      throw new Error(`schema.json: ${where} has unsupported type ${base.type}`);
    }
    // An enum value's `name` only names its identifier in the Pulumi SDKs.
    if (base.enum) out.enum = base.enum.map((e: any) => (typeof e === 'object' ? (({ name: _, ...rest }) => rest)(e) : { value: e }));
    for (const c of CONSTRAINTS) if (base[c] !== undefined) out[c] = base[c] as never;
    if (base.default !== undefined) out.default = base.default;
    if (base.replaceOnChanges) out.replaceOnChanges = true;
    if (base.secret) out.secret = true;
    if (base['x-references']) out.references = base['x-references'];
    if (base['x-references-external']) out.referencesExternal = true;
    if (base.defaultInfo?.environment) out.env = base.defaultInfo.environment;
    return out;
  }

  const mapProps = (props: Record<string, any> | undefined, where: string) =>
    Object.fromEntries(Object.entries(props ?? {}).map(([k, v]) => [k, resolve(v, `${where}.${k}`)]));

  const resources = Object.entries<any>(raw.resources).map(([token, r]) => ({
    token,
    description: r.description,
    inputs: mapProps(r.inputProperties, token),
    requiredInputs: r.requiredInputs ?? [],
    outputs: mapProps(r.properties, token),
    requiredOutputs: r.required ?? [],
  }));
  const functions = Object.entries<any>(raw.functions ?? {}).map(([token, f]) => ({
    token,
    description: f.description,
    inputs: mapProps(f.inputs?.properties, `${token}.inputs`),
    outputs: mapProps(f.outputs?.properties, `${token}.outputs`),
    requiredOutputs: f.outputs?.required ?? [],
  }));
  return {
    raw,
    name: raw.name,
    version: raw.version,
    config: mapProps(raw.config?.variables, 'config'),
    resources,
    functions,
  };
}
