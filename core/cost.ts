import { ACCELERATOR_TYPES } from './accelerators.ts';
import type { Kind } from './generated/registry.ts';
import { partitionCount } from './kinds/cluster.ts';
import { findProfile, PARTITION_CATALOGUE } from './partitions.ts';

/** List prices the mock cloud charges, USD per hour; plans show them before and after a change. */
export const STORAGE_PRICES = {
  volumePerGibHour: { ssd: 0.00012, essd: 0.0002, hdd: 0.00004 } as Record<string, number>,
  fileSystemPerTibHour: { lustre: 0.19, nfs: 0.12 } as Record<string, number>,
  fileSystemPerMibpsHour: 0.00005,
  bucketPerHour: 0.01,
  kvDramPerGibHour: 0.004,
  kvSsdPerGibHour: 0.0002,
};

export interface CostContext {
  /** Accelerator type of the cluster an endpoint runs on. */
  acceleratorType?: string;
}

/** Reserved replicas of an endpoint: the fixed count or the autoscaler's minimum. */
export function reservedReplicas(inputs: { replicas?: unknown; autoscaling?: unknown }): number {
  const a = inputs.autoscaling as { minReplicas?: number } | undefined;
  return (a?.minReplicas ?? (inputs.replicas as number | undefined) ?? 1) as number;
}

/**
 * What a partitioned cluster's instances amount to in accelerators (an instance of `size` units of a
 * `units`-unit accelerator is that fraction of it): partitions are billed by the share they take.
 */
export function partitionShare(inputs: Record<string, unknown>): number {
  const catalogue = PARTITION_CATALOGUE[inputs.acceleratorType as string];
  const profile = findProfile(catalogue, inputs.acceleratorProfile as string);
  if (!catalogue || !profile) return 0;
  return partitionCount(inputs as { profileCount?: number }) * (profile.size / catalogue.units);
}

/** Accelerators a resource holds: a cluster's servers, or an endpoint's reserved replicas (inside its cluster). */
export function acceleratorsHeld(kind: Kind, inputs: Record<string, unknown>): number {
  if (kind === 'Cluster') {
    // Partitions hold no accelerator whole (the allocator counts them as 0 accelerators).
    if (inputs.acceleratorProfile !== undefined) return 0;
    const type = ACCELERATOR_TYPES[inputs.acceleratorType as string];
    return type ? (inputs.nodeCount as number) * type.acceleratorsPerServer : 0;
  }
  if (kind === 'ModelEndpoint') return reservedReplicas(inputs) * (inputs.acceleratorsPerReplica as number);
  return 0;
}

/**
 * Hourly list price of a resource. An endpoint's price is the share of its cluster's accelerators it
 * uses; totals must not add it to the cluster's (see `BILLED_KINDS`).
 */
export function hourlyCost(kind: Kind, validated: object, ctx: CostContext = {}): number {
  // Validated inputs of `kind`, typed or as the plain record the wire carries.
  const inputs = validated as Record<string, unknown>;
  const round = (n: number) => Math.round(n * 10000) / 10000;
  switch (kind) {
    case 'Cluster': {
      const type = ACCELERATOR_TYPES[inputs.acceleratorType as string];
      if (type && typeof inputs.acceleratorProfile === 'string') return round(partitionShare(inputs) * type.pricePerHour);
      return type ? round(acceleratorsHeld(kind, inputs) * type.pricePerHour) : 0;
    }
    case 'Volume':
      return round((inputs.sizeGib as number) * (STORAGE_PRICES.volumePerGibHour[inputs.type as string] ?? 0));
    case 'FileSystem':
      return round(
        (inputs.capacityTib as number) * (STORAGE_PRICES.fileSystemPerTibHour[inputs.protocol as string] ?? 0) +
          ((inputs.throughputMibps as number) ?? 0) * STORAGE_PRICES.fileSystemPerMibpsHour,
      );
    case 'Bucket':
      return STORAGE_PRICES.bucketPerHour;
    case 'KvCachePool': {
      const t = inputs.tiers as { dramGib?: number; ssdGib?: number };
      return round((t.dramGib ?? 0) * STORAGE_PRICES.kvDramPerGibHour + (t.ssdGib ?? 0) * STORAGE_PRICES.kvSsdPerGibHour);
    }
    case 'ModelEndpoint': {
      const type = ctx.acceleratorType ? ACCELERATOR_TYPES[ctx.acceleratorType] : undefined;
      // Replicas on partition instances take the instance's share of an accelerator each.
      if (type && typeof inputs.acceleratorProfile === 'string') {
        return round(
          reservedReplicas(inputs) *
            partitionShare({ acceleratorType: ctx.acceleratorType, acceleratorProfile: inputs.acceleratorProfile }) *
            type.pricePerHour,
        );
      }
      return type ? round(acceleratorsHeld(kind, inputs) * type.pricePerHour) : 0;
    }
    case 'Queue':
      // The work a queue admits is billed on its own resources.
      return 0;
  }
}

/** Kinds whose cost adds up to a stack's bill (an endpoint's accelerators are its cluster's). */
export const BILLED_KINDS: readonly Kind[] = ['Cluster', 'Volume', 'FileSystem', 'Bucket', 'KvCachePool'];
