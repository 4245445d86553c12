// Translating values between Terraform's shape (snake_case, every attribute present, nulls) and the
// core's (camelCase inputs, absent means unset, UNKNOWN for not-yet-known).
import { UNKNOWN, isUnknown } from '../core-api.ts';
import type { CtyType } from '../cty/cty-type.ts';
import { TF_UNKNOWN, TfUnknown } from '../cty/unknown-value.ts';
import { snakeCase } from '../schema/snake-case.ts';
import type { TfAttribute } from '../schema/tf-attribute.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof TfUnknown);

function valueToCore(v: unknown, attr: TfAttribute): unknown {
  if (v instanceof TfUnknown) return UNKNOWN;
  if (v === null || v === undefined) return undefined;
  if (attr.nested) {
    const one = (o: unknown) => (o instanceof TfUnknown ? UNKNOWN : isObj(o) ? inputsFromTf(o, attr.nested!.attributes) : undefined);
    return attr.nested.nesting === 'list' ? (v as unknown[]).map(one) : one(v);
  }
  if (Array.isArray(v)) return v.map((x) => (x instanceof TfUnknown ? UNKNOWN : x));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x instanceof TfUnknown ? UNKNOWN : x]));
  return v;
}

/** The core's inputs from a Terraform object: only input attributes, nulls left out. */
export function inputsFromTf(value: Obj, attributes: readonly TfAttribute[]): Obj {
  const out: Obj = {};
  for (const attr of attributes) {
    if (attr.role !== 'input') continue;
    const v = valueToCore(value[attr.name], attr);
    if (v !== undefined) out[attr.key] = v;
  }
  return out;
}

/** A cloud (camelCase) value in the shape of a Terraform type; object keys are matched by their snake_case. */
export function cloudToTf(v: unknown, type: CtyType): unknown {
  if (isUnknown(v)) return TF_UNKNOWN;
  if (v === null || v === undefined) return null;
  if (typeof type === 'string') return v;
  if ('list' in type || 'set' in type) {
    const element = 'list' in type ? type.list : type.set;
    return Array.isArray(v) ? v.map((x) => cloudToTf(x, element)) : null;
  }
  if ('map' in type) {
    return isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloudToTf(x, type.map)])) : null;
  }
  if (!isObj(v)) return null;
  const bySnake = new Map(Object.entries(v).map(([k, x]) => [snakeCase(k), x]));
  const out: Obj = {};
  for (const [name, t] of Object.entries(type.object)) out[name] = cloudToTf(bySnake.get(name), t);
  return out;
}
