// Core field paths (`model.precision`, `labels["aicloud.dev/stack"]`, `items[0]`) as Terraform attribute paths.
import { splitFieldPath as coreSplitFieldPath } from '../core-api.ts';
import type { TfAttribute } from '../schema/tf-attribute.ts';
import type { AttributePath, AttributePathStep } from './messages.ts';

/** The core's path syntax, split the core's way. */
export const splitFieldPath = coreSplitFieldPath;

/**
 * Walks the attribute tree so names come out in snake_case; below a map or past the schema the
 * rest are element keys. Returns undefined for an empty path (the whole resource).
 */
export function toAttributePath(path: string, attributes: readonly TfAttribute[]): AttributePath | undefined {
  const segments = splitFieldPath(path);
  if (!segments.length) return undefined;
  const steps: AttributePathStep[] = [];
  let level: readonly TfAttribute[] | undefined = attributes;
  for (const s of segments) {
    if (typeof s === 'number') {
      steps.push({ element_key_int: s });
      continue;
    }
    const attr: TfAttribute | undefined = level?.find((a) => a.key === s);
    if (attr) {
      steps.push({ attribute_name: attr.name });
      level = attr.nested?.attributes;
    } else {
      steps.push({ element_key_string: s });
      level = undefined;
    }
  }
  return { steps };
}
