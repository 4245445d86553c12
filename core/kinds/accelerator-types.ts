import { ACCELERATOR_TYPES } from '../accelerators.ts';
import { error, type Diagnostic } from '../diagnostics.ts';
import { didYouMean } from '../did-you-mean.ts';
import { PARTITION_CATALOGUE } from '../partitions.ts';

/**
 * The rules of a cluster that accepts several accelerator types: `acceleratorTypes`, most preferred
 * first, instead of one `acceleratorType` (exactly one of the two); each a catalogue type, listed once;
 * and a partition profile, when given, offered by every listed type. Paths name the list entry at fault.
 */
export function acceleratorTypeChoice(value: Record<string, unknown>): Diagnostic[] {
  const { acceleratorType: one, acceleratorTypes: list, acceleratorProfile: profile } = value;
  if (one !== undefined && list !== undefined) {
    return [
      error('CONFLICTING_FIELDS', 'acceleratorTypes', 'give acceleratorType or acceleratorTypes, not both', {
        value: list,
        hint: 'Keep acceleratorType for one type, or list every accepted type in acceleratorTypes.',
      }),
    ];
  }
  if (list === undefined) {
    if (one !== undefined) return [];
    return [
      error('MISSING_FIELD', 'acceleratorType', 'a cluster needs acceleratorType or acceleratorTypes', {
        hint: 'Name one accelerator type, or list several most preferred first.',
      }),
    ];
  }
  if (!Array.isArray(list)) return [error('INVALID_TYPE', 'acceleratorTypes', 'acceleratorTypes must be a list of accelerator types', { value: list })];
  if (list.length === 0)
    return [
      error('INVALID_VALUE', 'acceleratorTypes', 'acceleratorTypes lists no type', {
        value: list,
        hint: 'List at least one accelerator type, most preferred first.',
      }),
    ];
  const out: Diagnostic[] = [];
  const seen = new Set<unknown>();
  list.forEach((t, i) => {
    const path = `acceleratorTypes[${i}]`;
    if (typeof t !== 'string' || !(t in ACCELERATOR_TYPES)) {
      const guess = typeof t === 'string' ? didYouMean(t, Object.keys(ACCELERATOR_TYPES)) : undefined;
      out.push(
        error('INVALID_VALUE', path, `unknown accelerator type ${String(t)}`, {
          value: t,
          hint: guess ? `Did you mean ${guess}?` : `Use one of: ${Object.keys(ACCELERATOR_TYPES).join(', ')}.`,
        }),
      );
      return;
    }
    if (seen.has(t)) out.push(error('INVALID_VALUE', path, `acceleratorTypes lists ${t} twice`, { value: t, hint: 'List each accelerator type once.' }));
    seen.add(t);
    if (typeof profile === 'string' && !PARTITION_CATALOGUE[t]?.profiles.some((p) => p.name === profile)) {
      out.push(
        error('INVALID_VALUE', path, `acceleratorProfile ${profile} is not offered on ${t}`, {
          value: t,
          hint: 'List only types that offer the profile, or leave acceleratorProfile out to hold whole servers.',
        }),
      );
    }
  });
  return out;
}

/** The accelerator types a cluster accepts, most preferred first: its list, or its one type. */
export function acceptedTypes(value: { acceleratorType?: unknown; acceleratorTypes?: unknown }): string[] {
  if (Array.isArray(value.acceleratorTypes)) return value.acceleratorTypes.filter((t): t is string => typeof t === 'string');
  return typeof value.acceleratorType === 'string' ? [value.acceleratorType] : [];
}

/**
 * What a change of the accepted types does to a running cluster: reordering or adding types keeps it
 * (the list only says where a new placement would go) as long as the type it runs on is still
 * accepted; dropping that type replaces it. When the type chosen is not known, dropping any type
 * replaces, since it may have been the one chosen.
 */
export function acceptedTypesImpact(
  oldValue: { acceleratorType?: unknown; acceleratorTypes?: unknown },
  newValue: { acceleratorType?: unknown; acceleratorTypes?: unknown },
  chosen?: string,
): 'no-op' | 'update' | 'replace' {
  const before = acceptedTypes(oldValue);
  const after = acceptedTypes(newValue);
  if (before.length === after.length && before.every((t, i) => after[i] === t)) return 'no-op';
  if (chosen !== undefined) return after.includes(chosen) ? 'update' : 'replace';
  return before.every((t) => after.includes(t)) ? 'update' : 'replace';
}
