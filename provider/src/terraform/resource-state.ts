// A cloud resource as a Terraform state object.
import { resourceOutputs, type CloudResource } from './core-api.ts';
import { TfUnknown } from './cty/unknown-value.ts';
import type { TfAttribute, TfObjectSchema } from './schema/tf-attribute.ts';
import { cloudToTf } from './wire/tf-value.ts';

type Obj = Record<string, unknown>;

const isEmpty = (v: unknown) =>
  (Array.isArray(v) && v.length === 0) || (!!v && typeof v === 'object' && !(v instanceof TfUnknown) && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * The cloud reports an unset map as `{}`; configuration that never mentioned it has null. Keeping
 * whichever the previous value had avoids a perpetual diff between the two spellings of "nothing".
 */
function alignEmpty(value: unknown, previous: unknown, attr: TfAttribute): unknown {
  if (attr.computed && !attr.optional) return value;
  if (isEmpty(value) && (previous === null || previous === undefined)) return null;
  if (value === null && isEmpty(previous)) return previous;
  if (attr.nested?.nesting === 'single' && value && previous && typeof value === 'object' && typeof previous === 'object' && !(previous instanceof TfUnknown)) {
    const out: Obj = { ...(value as Obj) };
    for (const child of attr.nested.attributes) out[child.name] = alignEmpty(out[child.name], (previous as Obj)[child.name], child);
    return out;
  }
  return value;
}

/** The full state object: id, inputs from spec, outputs, and blocks (timeouts) carried from `previous`. */
export function stateFromCloud(schema: TfObjectSchema, resource: CloudResource, previous?: Obj | null): Obj {
  const flat = resourceOutputs(resource);
  const out: Obj = {};
  for (const attr of schema.attributes) {
    if (attr.role === 'id') {
      out[attr.name] = resource.id;
      continue;
    }
    const source = attr.role === 'input' ? (resource.spec[attr.key] ?? flat[attr.key]) : flat[attr.key];
    out[attr.name] = alignEmpty(cloudToTf(source, attr.type), previous?.[attr.name], attr);
  }
  for (const block of schema.blocks) out[block.name] = previous?.[block.name] ?? null;
  return out;
}
