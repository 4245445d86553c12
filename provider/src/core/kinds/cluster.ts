import { error, type Diagnostic } from '../diagnostics.ts';
import type { KindRules } from './kind-rules.ts';

/** A zone must lie inside the resource's region; the rest of a cluster is its schema. */
export function zoneInRegion(value: Record<string, unknown>): Diagnostic[] {
  const { zone, region } = value;
  if (typeof zone === 'string' && typeof region === 'string' && !zone.startsWith(region)) {
    return [error('INVALID_VALUE', 'zone', `zone ${zone} is not in region ${region}`, { value: zone, hint: `Use a zone of ${region}, e.g. ${region}a.` })];
  }
  return [];
}

export const clusterRules: KindRules = { check: zoneInRegion };
