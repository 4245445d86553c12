import { partitionCount } from '../../../core/index.ts';
import { formatInt, summarizeServers } from './format-value.ts';
import type { PlacementOutcome, PlacementRequest } from './plan-types.ts';

/** What a request asks for, in the words both renderers use. */
export function describeRequest(r: PlacementRequest): string {
  switch (r.action) {
    case 'create':
      if (r.acceleratorProfile)
        return `${formatInt(partitionCount(r))} x ${r.acceleratorProfile} of ${r.acceleratorTypes?.join(' or ') ?? r.acceleratorType} (partitions, one server)`;
      if (r.acceleratorTypes) return `${r.nodeCount} servers of ${r.acceleratorTypes.join(' or ')} (${r.placement})`;
      return `${formatInt(r.acceleratorCount)} ${r.acceleratorType} (${r.nodeCount} servers, ${r.placement})`;
    case 'grow':
      return `+${formatInt(r.acceleratorCount)} ${r.acceleratorType} (to ${r.nodeCount} servers, ${r.placement})`;
    case 'replicas':
      if (r.acceleratorProfile) return `${formatInt(r.replicas ?? 1)} replica${r.replicas === 1 ? '' : 's'} x ${r.acceleratorProfile} in Cluster/${r.cluster}`;
      return `${formatInt(r.replicas ?? 1)} x ${formatInt(r.acceleratorsPerReplica ?? 1)} accelerators (replicas in cluster ${r.cluster ?? '?'})`;
    case 'release':
      if (r.kind === 'ModelEndpoint') return 'frees its partition instances';
      // A partitioned cluster holds no accelerator whole.
      return r.acceleratorCount > 0 ? `frees ${formatInt(r.acceleratorCount)} accelerators` : 'frees its partitions';
  }
}

/** Where it lands, or why it will not; undefined when there is nothing to say (a release that went through). */
export function describeOutcome(r: PlacementRequest, outcome: PlacementOutcome | undefined): { fits: boolean; text: string } | undefined {
  if (r.action === 'release' && (!outcome || outcome.fits)) return undefined;
  if (!outcome) return { fits: true, text: 'not previewed' };
  if (!outcome.fits && outcome.queued) return { fits: true, text: `will queue: ${outcome.message ?? 'no capacity now'}` };
  if (!outcome.fits) return { fits: false, text: `will not fit: ${outcome.message ?? 'no capacity'}` };
  const where = [outcome.zone, (outcome.supernodes ?? []).join(', ')].filter(Boolean).join(' / ');
  if (r.acceleratorTypes && outcome.acceleratorType)
    return { fits: true, text: `${outcome.acceleratorType} in ${where}; servers ${summarizeServers(outcome.servers ?? [])}` };
  return { fits: true, text: `${where}; servers ${summarizeServers(outcome.servers ?? [])}` };
}
