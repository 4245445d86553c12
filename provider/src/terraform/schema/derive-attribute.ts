// Turns one schema property into a Terraform attribute.
import type { PropertySpec } from '../core-api.ts';
import type { CtyType } from '../cty/cty-type.ts';
import { snakeCase } from './snake-case.ts';
import { objectType, type TfAttribute } from './tf-attribute.ts';

export interface AttributeFlags {
  role: TfAttribute['role'];
  required?: boolean;
  /** The cloud may fill it in (a default, the region): Terraform must accept a planned value it did not set. */
  computed?: boolean;
  /** Outputs only: Terraform never reads it from configuration. */
  outputOnly?: boolean;
  sensitive?: boolean;
  replaces?: boolean;
}

/** Descriptions say what the schema says, plus the facts HCL users would otherwise look up. */
export function describe(p: PropertySpec, replaces?: boolean): string {
  const parts = [p.description];
  if (p.enum?.length) parts.push(`One of ${p.enum.map((e) => `\`${e.value}\``).join(', ')}.`);
  if (p.default !== undefined) parts.push(`Defaults to \`${typeof p.default === 'string' ? p.default : JSON.stringify(p.default)}\`.`);
  if (replaces) parts.push('Changing it replaces the resource.');
  return parts.join(' ');
}

function scalarType(p: PropertySpec): CtyType {
  switch (p.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'map':
      return { map: p.additionalProperties ? scalarType(p.additionalProperties) : 'string' };
    case 'array':
      return { list: p.items ? scalarType(p.items) : 'string' };
    case 'object':
      if (!p.properties) return { map: p.additionalProperties ? scalarType(p.additionalProperties) : 'string' };
      return { object: Object.fromEntries(Object.entries(p.properties).map(([k, v]) => [snakeCase(k), scalarType(v)])) };
  }
}

const isObject = (p: PropertySpec) => p.type === 'object' && !!p.properties;

/**
 * Inputs that are objects become nested attributes (`model = { name = ... }`), so their own fields
 * can be optional; outputs stay plainly typed because Terraform never checks them against configuration.
 */
export function deriveAttribute(key: string, p: PropertySpec, flags: AttributeFlags): TfAttribute {
  const attr: TfAttribute = {
    name: snakeCase(key),
    key,
    description: describe(p, flags.replaces),
    type: scalarType(p),
    role: flags.role,
  };
  if (flags.outputOnly) attr.computed = true;
  else if (flags.required) attr.required = true;
  else {
    attr.optional = true;
    if (flags.computed) attr.computed = true;
  }
  if (flags.sensitive || p.secret) attr.sensitive = true;

  const element = p.type === 'array' && p.items && isObject(p.items) ? p.items : undefined;
  if (!flags.outputOnly && (isObject(p) || element)) {
    const spec = element ?? p;
    const required = new Set(spec.required ?? []);
    const attributes = Object.entries(spec.properties!).map(([k, child]) =>
      deriveAttribute(k, child, { role: flags.role, required: required.has(k), computed: child.default !== undefined }),
    );
    attr.nested = { nesting: element ? 'list' : 'single', attributes };
    attr.type = element ? { list: objectType(attributes) } : objectType(attributes);
  }
  return attr;
}
