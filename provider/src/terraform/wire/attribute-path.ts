// Core field paths (`model.precision`, `labels["aicloud.dev/stack"]`, `items[0]`) as Terraform attribute paths.
import type { TfAttribute } from '../schema/tf-attribute.ts';
import type { AttributePath, AttributePathStep } from './messages.ts';

/** Splits the core's path syntax into names and indices. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}

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
