// cty values <-> msgpack, driven by the schema's type so every object lists every attribute.
import { decode, encode, ExtData } from '@msgpack/msgpack';
import type { CtyType } from './cty-type.ts';
import { TfUnknown } from './unknown-value.ts';

/** A decoded cty value: JSON-like data, null, or an unknown. */
export type CtyValue = null | string | number | boolean | TfUnknown | CtyValue[] | { [k: string]: CtyValue };

/** Terraform rejects an object that misses an attribute or carries an extra one, so the type drives the walk. */
export function encodeCty(value: unknown, type: CtyType): Uint8Array {
  return encode(toWire(value, type), { forceIntegerToFloat: false });
}

function toWire(value: unknown, type: CtyType): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof TfUnknown) return value.ext;
  if (typeof type === 'string') {
    if (type === 'number') {
      const n = typeof value === 'string' ? Number(value) : (value as number);
      if (typeof n !== 'number' || Number.isNaN(n)) throw new TypeError(`not a number: ${String(value)}`);
      return n;
    }
    if (type === 'bool') return Boolean(value);
    return String(value);
  }
  if ('list' in type || 'set' in type) {
    const element = 'list' in type ? type.list : type.set;
    return (value as unknown[]).map((v) => toWire(v, element));
  }
  if ('map' in type) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toWire(v, type.map)]));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, attrType] of Object.entries(type.object)) out[name] = toWire(source[name], attrType);
  return out;
}

/** An empty DynamicValue is how Terraform sends a null object (no prior state, a destroy). */
export function decodeCty(bytes: Uint8Array | undefined | null, type?: CtyType): CtyValue {
  if (!bytes || bytes.length === 0) return null;
  return fromWire(decode(bytes), type);
}

function fromWire(raw: unknown, type: CtyType | undefined): CtyValue {
  if (raw === null || raw === undefined) return null;
  // Any extension is an unknown: type 0 plain, type 12 refined.
  if (raw instanceof ExtData) return new TfUnknown(raw);
  if (type === 'number' && typeof raw === 'string') return Number(raw);
  if (typeof raw === 'bigint') return Number(raw);
  if (raw instanceof Uint8Array) return Buffer.from(raw).toString('utf8');
  if (Array.isArray(raw)) {
    const element = type && typeof type === 'object' ? ('list' in type ? type.list : 'set' in type ? type.set : undefined) : undefined;
    return raw.map((v) => fromWire(v, element));
  }
  if (typeof raw === 'object') {
    const entries = raw instanceof Map ? [...raw.entries()] : Object.entries(raw as object);
    const out: Record<string, CtyValue> = {};
    for (const [k, v] of entries) {
      const attrType = type && typeof type === 'object' ? ('object' in type ? type.object[k] : 'map' in type ? type.map : undefined) : undefined;
      out[String(k)] = fromWire(v, attrType);
    }
    return out;
  }
  return raw as CtyValue;
}

/** State files hold JSON; the shape is the same as msgpack's minus unknowns. */
export function decodeCtyJson(bytes: Uint8Array | undefined | null, type?: CtyType): CtyValue {
  if (!bytes || bytes.length === 0) return null;
  return fromWire(JSON.parse(Buffer.from(bytes).toString('utf8')), type);
}
