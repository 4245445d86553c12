import { isDeepStrictEqual } from 'node:util';

/**
 * The JSON merge patch (RFC 7386) that turns `from` into `to`: the control plane's PATCH takes one, and a field
 * removed from the program must be sent as null or the cloud keeps the old value.
 */
export function mergePatch(from: Record<string, unknown>, to: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const a = from[key];
    const b = to[key];
    if (isDeepStrictEqual(a, b)) continue;
    if (b === undefined || b === null) patch[key] = null;
    else if (isObject(a) && isObject(b)) patch[key] = mergePatch(a, b);
    else patch[key] = b;
  }
  return patch;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
