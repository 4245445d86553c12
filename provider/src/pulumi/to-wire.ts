import { structPb } from './proto.ts';
import type { Struct } from './proto.ts';
import { sanitize } from './sanitize.ts';
import { SECRET_SIG, SIG_KEY } from './wire-values.ts';

/**
 * Encodes properties for the engine: sanitised first, then the given top-level keys wrapped as secrets, since a
 * provider that accepts secrets must mark secret outputs itself or they reach state in plain text.
 */
export function toWire(values: Record<string, unknown>, secretKeys: Iterable<string> = []): Struct {
  const clean = (sanitize(values) ?? {}) as Record<string, unknown>;
  for (const key of secretKeys) {
    if (key in clean && clean[key] !== null) clean[key] = { [SIG_KEY]: SECRET_SIG, value: clean[key] };
  }
  // fromJavaScript takes JavaScriptValue, which a sanitised object always is.
  return structPb.Struct.fromJavaScript(clean as Parameters<typeof structPb.Struct.fromJavaScript>[0]);
}
