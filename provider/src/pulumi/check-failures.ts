import { providerPb } from './proto.ts';
import type { Diagnostic } from '../../../core/index.ts';

type CheckFailure = InstanceType<typeof providerPb.CheckFailure>;

/**
 * Diagnostics as the engine's check failures: the property path (the core's dotted paths are Pulumi's property
 * path syntax) and a reason that carries the stable code and the hint, since the engine prints only these two.
 */
export function toCheckFailures(diagnostics: readonly Diagnostic[]): CheckFailure[] {
  return diagnostics.map((d) => {
    const f = new providerPb.CheckFailure();
    f.setProperty(d.path);
    f.setReason(`${d.message} [${d.code}]${d.hint ? `. ${d.hint}` : ''}`);
    return f;
  });
}
