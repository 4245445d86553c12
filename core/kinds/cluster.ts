import { error, type Diagnostic } from '../diagnostics.ts';
import { PARTITION_CATALOGUE } from '../partitions.ts';
import type { KindRules } from './kind-rules.ts';

/** A zone must lie inside the resource's region; the rest of a cluster is its schema. */
export function zoneInRegion(value: Record<string, unknown>): Diagnostic[] {
  const { zone, region } = value;
  if (typeof zone === 'string' && typeof region === 'string' && !zone.startsWith(region)) {
    return [error('INVALID_VALUE', 'zone', `zone ${zone} is not in region ${region}`, { value: zone, hint: `Use a zone of ${region}, e.g. ${region}a.` })];
  }
  return [];
}

/**
 * A partition profile must be one the type's catalogue lists, so that a plan refuses a typo before the
 * control plane is asked; a partitioned cluster lives on one server (`nodeCount` 1), and `profileCount`
 * means nothing without a profile.
 */
export function profileOfType(value: Record<string, unknown>): Diagnostic[] {
  const { acceleratorProfile: profile, acceleratorType: type, profileCount, nodeCount } = value;
  if (profile === undefined) {
    if (profileCount === undefined) return [];
    return [error('INVALID_VALUE', 'profileCount', `profileCount ${String(profileCount)} needs an acceleratorProfile`, { value: profileCount, hint: 'Set acceleratorProfile, or leave profileCount out to hold whole servers.' })];
  }
  if (typeof profile !== 'string' || typeof type !== 'string') return [];
  const catalogue = PARTITION_CATALOGUE[type];
  if (!catalogue) {
    const types = Object.keys(PARTITION_CATALOGUE).join(', ');
    return [error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile}: ${type} cannot be partitioned`, { value: profile, hint: `Partitions exist for ${types}; leave acceleratorProfile out to hold whole servers of ${type}.` })];
  }
  const out: Diagnostic[] = [];
  if (!catalogue.profiles.some((p) => p.name === profile)) {
    const names = catalogue.profiles.map((p) => p.name).join(', ');
    out.push(error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile} is not a profile of ${type}; allowed: ${names}`, { value: profile, hint: `Use one of: ${names}.` }));
  }
  if (typeof nodeCount === 'number' && nodeCount !== 1) {
    out.push(error('INVALID_VALUE', 'nodeCount', `nodeCount ${nodeCount} with acceleratorProfile ${profile}: a partitioned cluster holds its partitions on one server`, { value: nodeCount, hint: 'Set nodeCount to 1 and the number of partitions in profileCount.' }));
  }
  return out;
}

export const clusterRules: KindRules = { check: (value) => [...zoneInRegion(value), ...profileOfType(value)] };
