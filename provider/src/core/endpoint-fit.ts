import { ACCELERATOR_TYPES, PRECISION_BYTES } from './accelerators.ts';
import { error, type Diagnostic } from './diagnostics.ts';

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
  const capacityGib = endpoint.acceleratorsPerReplica * type.memoryGib;
  const usableGib = capacityGib * USABLE_MEMORY_FRACTION;
  let minimumAccelerators = Math.ceil(neededGib / (type.memoryGib * USABLE_MEMORY_FRACTION));
  if (minimumAccelerators > type.acceleratorsPerServer) {
    minimumAccelerators = Math.ceil(minimumAccelerators / type.acceleratorsPerServer) * type.acceleratorsPerServer;
  }
  return { weightsGib, kvCacheGib, neededGib, capacityGib, usableGib, fits: neededGib <= usableGib, minimumAccelerators };
}

const gib = (n: number) => `${n.toFixed(1)} GiB`;

/** Refuses an endpoint whose weights plus minimum KV cache exceed its accelerators' memory, with the numbers. */
export function checkEndpointFits(endpoint: EndpointShape, acceleratorType: string): Diagnostic | undefined {
  const s = sizeEndpoint(endpoint, acceleratorType);
  if (!s || s.fits) return undefined;
  const m = endpoint.model;
  return error(
    'ENDPOINT_DOES_NOT_FIT',
    'acceleratorsPerReplica',
    `${m.name} needs ${gib(s.neededGib)} per replica: weights ${gib(s.weightsGib)} (${m.parametersBillions}B parameters x ${PRECISION_BYTES[m.precision]} byte ${m.precision}) + KV cache ${gib(s.kvCacheGib)} (${endpoint.contextLength} tokens x ${m.kvBytesPerToken} B x ${endpoint.sequencesPerReplica} sequences); ` +
      `${endpoint.acceleratorsPerReplica} x ${acceleratorType} offer ${gib(s.capacityGib)}, of which ${gib(s.usableGib)} usable (${USABLE_MEMORY_FRACTION * 100}%)`,
    { value: endpoint.acceleratorsPerReplica, hint: `Use at least ${s.minimumAccelerators} accelerators per replica, a lower precision, or a shorter context.` },
  );
}
