// The provider's schemas in the JSON that `terraform providers schema -json` prints, which is what
// @cdktf/provider-generator reads. Built from the same model as the wire schema, so the two agree.
import { ctyTypeJson } from '../cty/cty-type.ts';
import type { ProviderSchemas } from './provider-schemas.ts';
import type { TfAttribute, TfBlockType, TfObjectSchema } from './tf-attribute.ts';

export const PROVIDER_ADDRESS = 'registry.terraform.io/aicloud/aicloud';

type Json = Record<string, unknown>;

const sorted = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function attributeJson(a: TfAttribute): Json {
  const out: Json = {};
  if (a.nested) {
    out.nested_type = { attributes: sorted(a.nested.attributes.map((c) => [c.name, attributeJson(c)])), nesting_mode: a.nested.nesting };
  } else {
    out.type = ctyTypeJson(a.type);
  }
  out.description = a.description;
  out.description_kind = 'markdown';
  if (a.required) out.required = true;
  if (a.optional) out.optional = true;
  if (a.computed) out.computed = true;
  if (a.sensitive) out.sensitive = true;
  return out;
}

function blockJson(attributes: readonly TfAttribute[], blocks: readonly TfBlockType[], description: string): Json {
  const out: Json = { attributes: sorted(attributes.map((a) => [a.name, attributeJson(a)])) };
  if (blocks.length) {
    out.block_types = sorted(blocks.map((b) => [b.name, { nesting_mode: 'single', block: blockJson(b.attributes, [], b.description) }]));
  }
  out.description = description;
  out.description_kind = 'markdown';
  return out;
}

const schemaJson = (s: TfObjectSchema): Json => ({ version: 0, block: blockJson(s.attributes, s.blocks, s.description) });

/** The document for the provider alone, keyed by its registry address as Terraform prints it. */
export function toSchemaJson(schemas: ProviderSchemas): Json {
  return {
    format_version: '1.0',
    provider_schemas: {
      [PROVIDER_ADDRESS]: {
        provider: schemaJson(schemas.provider),
        resource_schemas: sorted([...schemas.resources].map(([name, r]) => [name, schemaJson(r.schema)])),
        data_source_schemas: sorted([...schemas.dataSources].map(([name, d]) => [name, schemaJson(d.schema)])),
      },
    },
  };
}
