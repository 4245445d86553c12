// The provider's own model of a Terraform schema: what the wire schema says, plus the schema
// names each attribute came from so values can be translated both ways.
import type { CtyType } from '../cty/cty-type.ts';

/** One attribute: a plain typed value or, for nested objects, a nested attribute set. */
export interface TfAttribute {
  /** Terraform name (snake_case). */
  name: string;
  /** Name in schema/schema.json (camelCase); empty for attributes only Terraform has (`id`). */
  key: string;
  description: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  /** The value's cty type (for nested attributes, the implied object or list-of-object type). */
  type: CtyType;
  /** Set for `model = { ... }`-style nested attributes. */
  nested?: { nesting: 'single' | 'list'; attributes: TfAttribute[] };
  /** What the attribute holds: a resource input, an output the cloud reports, or the cloud's id. */
  role: 'input' | 'output' | 'id';
}

/** A nested block such as `timeouts { create = "30m" }`. */
export interface TfBlockType {
  name: string;
  description: string;
  attributes: TfAttribute[];
}

/** A resource, data source or provider schema. */
export interface TfObjectSchema {
  description: string;
  attributes: TfAttribute[];
  blocks: TfBlockType[];
  /** Implied object type of the whole value, for encoding and decoding. */
  type: CtyType;
}

/** Terraform's implied type: every attribute and every block becomes an attribute of one object. */
export function objectType(attributes: readonly TfAttribute[], blocks: readonly TfBlockType[] = []): CtyType {
  const object: Record<string, CtyType> = {};
  for (const a of attributes) object[a.name] = a.type;
  for (const b of blocks) object[b.name] = objectType(b.attributes);
  return { object };
}
