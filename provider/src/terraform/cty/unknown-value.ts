// Terraform's "known after apply" marker, kept with its original bytes.
import { ExtData } from '@msgpack/msgpack';

/**
 * A value Terraform does not know yet. Refined unknowns (extension 12) carry facts such as
 * "not null" or a string prefix; the provider does not read them but must send them back intact.
 */
export class TfUnknown {
  constructor(readonly ext: ExtData = new ExtData(0, new Uint8Array([0]))) {}
}

/** The plain unknown the provider itself produces for computed attributes. */
export const TF_UNKNOWN = new TfUnknown();

export function isTfUnknown(v: unknown): v is TfUnknown {
  return v instanceof TfUnknown;
}

/** True when the value or anything inside it is unknown. */
export function hasTfUnknown(v: unknown): boolean {
  if (v instanceof TfUnknown) return true;
  if (Array.isArray(v)) return v.some(hasTfUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(hasTfUnknown);
  return false;
}
