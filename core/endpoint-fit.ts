import { ACCELERATOR_TYPES, PRECISION_BYTES } from './accelerators.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import { findProfile, PARTITION_CATALOGUE, type PartitionProfile } from './partitions.ts';

/** Share of accelerator memory available to weights and KV cache; the rest is activations and runtime. */
export const USABLE_MEMORY_FRACTION = 0.9;

const GIB = 1024 ** 3;

/** The memory arithmetic behind an endpoint, shown to users when it does not fit. */
export interface EndpointSizing {
  weightsGib: number;
  kvCacheGib: number;
  neededGib: number;
  capacityGib: number;
  usableGib: number;
  fits: boolean;
  /** Smallest acceleratorsPerReplica that would fit, in whole servers beyond one. */
  minimumAccelerators: number;
}

interface EndpointShape {
  acceleratorsPerReplica: number;
  /** A partition profile: each replica then has one instance's memory instead of whole accelerators'. */
  acceleratorProfile?: string;
  contextLength: number;
  sequencesPerReplica: number;
  model: { parametersBillions: number; precision: string; kvBytesPerToken: number; name: string };
}

export function sizeEndpoint(endpoint: EndpointShape, acceleratorType: string): EndpointSizing | undefined {
  const type = ACCELERATOR_TYPES[acceleratorType];
  if (!type) return undefined;
  const bytes = PRECISION_BYTES[endpoint.model.precision] ?? 2;
  const weightsGib = (endpoint.model.parametersBillions * 1e9 * bytes) / GIB;
  const kvCacheGib = (endpoint.contextLength * endpoint.model.kvBytesPerToken * endpoint.sequencesPerReplica) / GIB;
  const neededGib = weightsGib + kvCacheGib;
  const profile = replicaProfile(endpoint, acceleratorType);
  const capacityGib = profile ? profile.memoryGib : endpoint.acceleratorsPerReplica * type.memoryGib;
  const usableGib = capacityGib * USABLE_MEMORY_FRACTION;
  let minimumAccelerators = Math.ceil(neededGib / (type.memoryGib * USABLE_MEMORY_FRACTION));
  if (minimumAccelerators > type.acceleratorsPerServer) {
    minimumAccelerators = Math.ceil(minimumAccelerators / type.acceleratorsPerServer) * type.acceleratorsPerServer;
  }
  return { weightsGib, kvCacheGib, neededGib, capacityGib, usableGib, fits: neededGib <= usableGib, minimumAccelerators };
}

/** The catalogue profile an endpoint's replicas run on, when it names one the type has. */
function replicaProfile(endpoint: EndpointShape, acceleratorType: string): PartitionProfile | undefined {
  return endpoint.acceleratorProfile === undefined ? undefined : findProfile(PARTITION_CATALOGUE[acceleratorType], endpoint.acceleratorProfile);
}

const gib = (n: number) => `${n.toFixed(1)} GiB`;

/** Refuses an endpoint whose weights plus minimum KV cache exceed its accelerators' memory, with the numbers. */
export function checkEndpointFits(endpoint: EndpointShape, acceleratorType: string): Diagnostic | undefined {
  const s = sizeEndpoint(endpoint, acceleratorType);
  if (!s || s.fits) return undefined;
  const m = endpoint.model;
  const profile = replicaProfile(endpoint, acceleratorType);
  if (profile) {
    // A replica gets one instance: a larger profile is the only way to more memory.
    const larger = PARTITION_CATALOGUE[acceleratorType]!.profiles.filter((p) => p.memoryGib * USABLE_MEMORY_FRACTION >= s.neededGib).sort(
      (a, b) => a.memoryGib - b.memoryGib,
    )[0];
    return error(
      'ENDPOINT_DOES_NOT_FIT',
      'acceleratorProfile',
      `${m.name} needs ${gib(s.neededGib)} per replica: weights ${gib(s.weightsGib)} (${m.parametersBillions}B parameters x ${PRECISION_BYTES[m.precision]} byte ${m.precision}) + KV cache ${gib(s.kvCacheGib)} (${endpoint.contextLength} tokens x ${m.kvBytesPerToken} B x ${endpoint.sequencesPerReplica} sequences); ` +
        `one ${profile.name} instance of ${acceleratorType} offers ${gib(s.capacityGib)}, of which ${gib(s.usableGib)} usable (${USABLE_MEMORY_FRACTION * 100}%)`,
      {
        value: profile.name,
        hint: larger
          ? `Use the ${larger.name} profile or larger, a lower precision, or a shorter context.`
          : `No ${acceleratorType} partition holds it: leave acceleratorProfile out and use at least ${s.minimumAccelerators} whole accelerators per replica.`,
      },
    );
  }
  return error(
    'ENDPOINT_DOES_NOT_FIT',
    'acceleratorsPerReplica',
    `${m.name} needs ${gib(s.neededGib)} per replica: weights ${gib(s.weightsGib)} (${m.parametersBillions}B parameters x ${PRECISION_BYTES[m.precision]} byte ${m.precision}) + KV cache ${gib(s.kvCacheGib)} (${endpoint.contextLength} tokens x ${m.kvBytesPerToken} B x ${endpoint.sequencesPerReplica} sequences); ` +
      `${endpoint.acceleratorsPerReplica} x ${acceleratorType} offer ${gib(s.capacityGib)}, of which ${gib(s.usableGib)} usable (${USABLE_MEMORY_FRACTION * 100}%)`,
    {
      value: endpoint.acceleratorsPerReplica,
      hint: `Use at least ${s.minimumAccelerators} accelerators per replica, a lower precision, or a shorter context.`,
    },
  );
}
