/**
 * A value that is not known yet: a Pulumi preview's computed input or a Terraform plan's unknown.
 * The core tolerates it wherever `allowUnknown` is set, so validation never fails on what is not yet decided.
 */
export const UNKNOWN: unique symbol = Symbol.for('aicloud.unknown');
export type Unknown = typeof UNKNOWN;

export function isUnknown(v: unknown): v is Unknown {
  return v === UNKNOWN;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}
