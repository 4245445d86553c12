import type { PackageSchema, SchemaProperty } from './schema-model.ts';
import { splitToken } from './schema-model.ts';

/** Which side of the SDK a type is written for: program inputs (accept Inputs) or resolved outputs. */
export type Side = 'input' | 'output';

/**
 * The TypeScript type of a schema property, written from a file `depth` folders below the SDK root:
 * inputs accept `pulumi.Input` at every level, outputs are plain values inside a `pulumi.Output`.
 */
export function tsType(schema: PackageSchema, prop: SchemaProperty, side: Side): string {
  const wrap = (t: string) => (side === 'input' ? `pulumi.Input<${t}>` : t);
  if (prop.$ref) {
    const token = prop.$ref.replace(/^#\/types\//, '');
    const type = schema.types[token];
    const { module, name } = splitToken(token);
    if (!type) throw new Error(`unresolved reference ${prop.$ref}`);
    if (type.enum) return wrap(`enums.${module}.${name}`);
    return wrap(side === 'input' ? `inputs.${module}.${name}Args` : `outputs.${module}.${name}`);
  }
  switch (prop.type) {
    case 'string': return wrap('string');
    case 'integer': case 'number': return wrap('number');
    case 'boolean': return wrap('boolean');
    case 'array': return wrap(`${tsType(schema, prop.items ?? {}, side)}[]`);
    case 'object': return wrap(`{[key: string]: ${tsType(schema, prop.additionalProperties ?? { type: 'string' }, side)}}`);
    default: return wrap('any');
  }
}
