// Generates core/generated/registry.ts: the kinds, their property specs and the
// per-kind JSON Schemas the core validates with, plus TypeScript input types.
import type { ResolvedProperty, ResolvedSchema } from './load-schema.ts';
import { propertiesToJsonSchema } from './json-schema.ts';

export const GENERATED_TS = '// Generated from schema/schema.json by scripts/build.ts. Do not edit.';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function kindMeta(token: string, raw: any) {
  const [, module, type] = token.split(':');
  const collection: string = raw.resources[token]['x-collection'] ?? `${type.toLowerCase()}s`;
  return { kind: type, module, token, collection, tfType: `aicloud_${snake(type)}` };
}

function tsType(p: ResolvedProperty): string {
  switch (p.type) {
    case 'string':
      return p.enum ? p.enum.map((e) => JSON.stringify(e.value)).join(' | ') : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'map':
      return `Record<string, ${tsType(p.additionalProperties!)}>`;
    case 'array':
      return `Array<${tsType(p.items!)}>`;
    case 'object': {
      const req = new Set(p.required ?? []);
      const fields = Object.entries(p.properties ?? {}).map(([k, v]) => `${k}${req.has(k) || v.default !== undefined ? '' : '?'}: ${tsType(v)}`);
      return `{ ${fields.join('; ')} }`;
    }
  }
}

export function generateRegistry(schema: ResolvedSchema): string {
  const kinds = schema.resources.map((r) => ({ ...kindMeta(r.token, schema.raw), r }));
  const lines: string[] = [GENERATED_TS, ''];
  lines.push(`import type { KindSpec, FunctionSpec, PropertySpec } from '../registry-types.ts';`, '');
  lines.push(`export const KINDS = ${JSON.stringify(kinds.map((k) => k.kind))} as const;`);
  lines.push(`export type Kind = (typeof KINDS)[number];`, '');
  for (const k of kinds) {
    const req = new Set(k.r.requiredInputs);
    const fields = Object.entries(k.r.inputs).map(
      ([n, v]) =>
        `  /** ${v.description.replace(/\*\//g, '* /')} */\n  ${n}${req.has(n) || n === 'region' || v.default !== undefined ? '' : '?'}: ${tsType(v)};`,
    );
    lines.push(`/** Validated, defaulted inputs of ${k.token}. */`);
    lines.push(`export interface ${k.kind}Inputs {\n${fields.join('\n')}\n}`, '');
  }
  lines.push(`export interface InputsByKind {\n${kinds.map((k) => `  ${k.kind}: ${k.kind}Inputs;`).join('\n')}\n}`, '');
  const specs: Record<string, unknown> = {};
  for (const k of kinds) {
    const required = k.r.requiredInputs.filter((n) => n !== 'region');
    specs[k.kind] = {
      kind: k.kind,
      token: k.token,
      module: k.module,
      collection: k.collection,
      tfType: k.tfType,
      description: k.r.description,
      inputs: k.r.inputs,
      requiredInputs: k.r.requiredInputs,
      outputs: k.r.outputs,
      requiredOutputs: k.r.requiredOutputs,
      inputSchema: {
        type: 'object',
        properties: propertiesToJsonSchema(k.r.inputs, { defaults: true }),
        required,
        additionalProperties: false,
      },
    };
  }
  lines.push(`export const KIND_SPECS: Record<Kind, KindSpec> = ${JSON.stringify(specs, null, 2)};`, '');
  const fns = Object.fromEntries(schema.functions.map((f) => [f.token, f]));
  lines.push(`export const FUNCTION_SPECS: Record<string, FunctionSpec> = ${JSON.stringify(fns, null, 2)};`, '');
  lines.push(`export const CONFIG_SPECS: Record<string, PropertySpec> = ${JSON.stringify(schema.config, null, 2)};`, '');
  lines.push(`export const PACKAGE = ${JSON.stringify({ name: schema.name, version: schema.version })} as const;`, '');
  return lines.join('\n');
}
