import { UNKNOWN } from '../../../core/index.ts';
import { UNKNOWN_SENTINEL } from './wire-values.ts';

/**
 * Turns any JS value into one `Struct.fromJavaScript` accepts. It throws on `undefined` and BigInt and turns a
 * Date into `{}`; encoding runs after the cloud call, so a throw there would record a created resource as a
 * failure and leak it.
 */
export function sanitize(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === UNKNOWN) return UNKNOWN_SENTINEL;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => sanitize(v, seen) ?? null);
    const entries: Iterable<[unknown, unknown]> = value instanceof Map ? value.entries() : Object.entries(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      const s = sanitize(v, seen);
      if (s !== undefined) out[String(k)] = s;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
