// Data sources come from the schema's functions: `aicloud:compute:getCapacity` is `aicloud_capacity`.
import type { FunctionSpec } from '../core-api.ts';
import { deriveAttribute } from './derive-attribute.ts';
import { snakeCase } from './snake-case.ts';
import { objectType, type TfObjectSchema } from './tf-attribute.ts';

export function dataSourceTypeName(token: string): string {
  const fn = token.split(':')[2]!.replace(/^get/, '');
  return `aicloud_${snakeCase(fn.charAt(0).toLowerCase() + fn.slice(1))}`;
}

/** Function inputs are optional filters; outputs are computed. */
export function deriveDataSourceSchema(fn: FunctionSpec): TfObjectSchema {
  const attributes = [
    ...Object.entries(fn.inputs).map(([key, p]) => deriveAttribute(key, p, { role: 'input' })),
    ...Object.entries(fn.outputs).map(([key, p]) => deriveAttribute(key, p, { role: 'output', outputOnly: true })),
  ];
  return { description: fn.description, attributes, blocks: [], type: objectType(attributes) };
}
