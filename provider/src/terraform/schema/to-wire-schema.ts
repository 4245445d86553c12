// The provider's schema model as protocol messages.
import { ctyTypeJson } from '../cty/cty-type.ts';
import type { WireAttribute, WireBlock, WireSchema } from '../wire/messages.ts';
import type { TfAttribute, TfObjectSchema } from './tf-attribute.ts';

const NESTING = { single: 1, list: 2 } as const;
const MARKDOWN = 1;

function wireAttribute(a: TfAttribute): WireAttribute {
  const out: WireAttribute = {
    name: a.name,
    description: a.description,
    description_kind: MARKDOWN,
    required: !!a.required,
    optional: !!a.optional,
    computed: !!a.computed,
    sensitive: !!a.sensitive,
  };
  // An attribute carries either a type or a nested type, never both.
  if (a.nested) out.nested_type = { attributes: a.nested.attributes.map(wireAttribute), nesting: NESTING[a.nested.nesting] };
  else out.type = Buffer.from(JSON.stringify(ctyTypeJson(a.type)));
  return out;
}

export function toWireSchema(schema: TfObjectSchema, version = 0): WireSchema {
  const block: WireBlock = {
    version,
    description: schema.description,
    description_kind: MARKDOWN,
    attributes: schema.attributes.map(wireAttribute),
    block_types: schema.blocks.map((b) => ({
      type_name: b.name,
      nesting: NESTING.single,
      block: {
        version,
        description: b.description,
        description_kind: MARKDOWN,
        attributes: b.attributes.map(wireAttribute),
        block_types: [],
      },
    })),
  };
  return { version, block };
}
