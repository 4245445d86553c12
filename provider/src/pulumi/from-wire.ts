import { UNKNOWN } from '../../../core/index.ts';
import type { Struct } from './proto.ts';
import type { SecretRegistry } from './secret-registry.ts';
import { OUTPUT_VALUE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN_SENTINEL } from './wire-values.ts';

/** Properties from the engine as plain values, plus which top-level properties arrived secret. */
export interface DecodedProperties {
  values: Record<string, unknown>;
  /** Top-level keys whose value (or part of it) was secret; their outputs are wrapped secret again. */
  secretKeys: Set<string>;
}

/**
 * Decodes a property Struct: the unknown sentinel becomes the core's UNKNOWN, secrets are unwrapped (and
 * remembered, by key and by value), output values are reduced to their value or UNKNOWN.
 */
export function fromWire(struct: Struct | undefined, secrets?: SecretRegistry): DecodedProperties {
  const secretKeys = new Set<string>();
  const raw = (struct?.toJavaScript() ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    let sawSecret = false;
    const decoded = decodeValue(v, (secretValue) => {
      sawSecret = true;
      secrets?.addDeep(secretValue);
    });
    if (sawSecret) secretKeys.add(key);
    values[key] = decoded;
  }
  return { values, secretKeys };
}

function decodeValue(v: unknown, onSecret: (value: unknown) => void): unknown {
  if (v === UNKNOWN_SENTINEL) return UNKNOWN;
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, onSecret));
  if (v && typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const sig = obj[SIG_KEY];
    if (sig === SECRET_SIG) {
      const inner = decodeValue(obj.value, onSecret);
      onSecret(inner);
      return inner;
    }
    if (sig === OUTPUT_VALUE_SIG) {
      if (!('value' in obj)) return UNKNOWN;
      const inner = decodeValue(obj.value, onSecret);
      if (obj.secret === true) onSecret(inner);
      return inner;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) out[k] = decodeValue(x, onSecret);
    return out;
  }
  return v;
}
