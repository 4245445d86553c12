// The schema shape of `aicloud_bucket`, written to a file the minimal provider serves as a second
// baseline: the same attributes, types, computed flags and `timeouts` block, and still no work, so
// Terraform's own per-resource cost of that shape can be told apart from the provider's.
import { writeFileSync } from 'node:fs';
import { providerSchemas } from '../../provider/src/terraform/schema/provider-schemas.ts';
import { toWireSchema } from '../../provider/src/terraform/schema/to-wire-schema.ts';
import type { CtyType } from '../../provider/src/terraform/cty/cty-type.ts';
import type { WireAttribute, WireBlock } from '../../provider/src/terraform/wire/messages.ts';

/** A wire schema whose attribute types are JSON text, since Buffers do not survive JSON. */
export interface ShapeFile {
  typeName: string;
  ctyType: CtyType;
  block: unknown;
}

const toText = (attrs: WireAttribute[]) => attrs.map((a) => ({ ...a, type: a.type?.toString('utf8') }));
const blockToText = (b: WireBlock): unknown => ({
  ...b,
  attributes: toText(b.attributes),
  block_types: b.block_types.map((t) => ({ ...t, block: blockToText(t.block) })),
});

/** Writes the shape of one aicloud resource type; returns what was written. */
export function writeShapeFile(path: string, tfType = 'aicloud_bucket'): ShapeFile {
  const entry = providerSchemas().resources.get(tfType);
  if (!entry) throw new Error(`unknown resource type ${tfType}`);
  const shape: ShapeFile = { typeName: tfType, ctyType: entry.schema.type, block: blockToText(toWireSchema(entry.schema).block) };
  writeFileSync(path, JSON.stringify(shape));
  return shape;
}
