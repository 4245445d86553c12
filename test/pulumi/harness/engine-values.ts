import { UNKNOWN } from '../../../core/index.ts';
import { structPb } from '../../../provider/src/pulumi/proto.ts';
import type { Struct } from '../../../provider/src/pulumi/proto.ts';
import { SECRET_SIG, SIG_KEY, UNKNOWN_SENTINEL } from '../../../provider/src/pulumi/wire-values.ts';

/** A secret as the engine holds it, so tests can tell wrapped values from plain ones. */
export class Secret<T = unknown> {
  constructor(readonly value: T) {}
}

export const secret = <T>(v: T): Secret<T> => new Secret(v);

/** Encodes values the way the engine does: UNKNOWN as the sentinel string, secrets as signature objects. */
export function encode(v: Record<string, unknown>): Struct {
  return structPb.Struct.fromJavaScript(encodeValue(v) as never);
}

function encodeValue(v: unknown): unknown {
  if (v === UNKNOWN) return UNKNOWN_SENTINEL;
  if (v instanceof Secret) return { [SIG_KEY]: SECRET_SIG, value: encodeValue(v.value) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, encodeValue(x)]),
    );
  return v;
}

/** Decodes a Struct keeping secrets visible as Secret and unknowns as UNKNOWN. */
export function decode(s: Struct | undefined): Record<string, unknown> {
  return decodeValue(s?.toJavaScript() ?? {}) as Record<string, unknown>;
}

function decodeValue(v: unknown): unknown {
  if (v === UNKNOWN_SENTINEL) return UNKNOWN;
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o[SIG_KEY] === SECRET_SIG) return new Secret(decodeValue(o.value));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeValue(x)]));
  }
  return v;
}

/** Strips Secret wrappers, as the engine does before comparing or passing values to a program. */
export function reveal(v: unknown): unknown {
  if (v instanceof Secret) return reveal(v.value);
  if (Array.isArray(v)) return v.map(reveal);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reveal(x)]));
  return v;
}
