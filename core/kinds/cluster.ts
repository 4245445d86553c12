import { error, type Diagnostic } from '../diagnostics.ts';
import type { ClusterInputs } from '../generated/registry.ts';
import { PARTITION_CATALOGUE } from '../partitions.ts';
import { acceleratorTypeChoice } from './accelerator-types.ts';
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
    return [
      error('INVALID_VALUE', 'profileCount', `profileCount ${String(profileCount)} needs an acceleratorProfile`, {
        value: profileCount,
        hint: 'Set acceleratorProfile, or leave profileCount out to hold whole servers.',
      }),
    ];
  }
  if (typeof profile !== 'string' || typeof type !== 'string') return [];
  const catalogue = PARTITION_CATALOGUE[type];
  if (!catalogue) {
    const types = Object.keys(PARTITION_CATALOGUE).join(', ');
    return [
      error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile}: ${type} cannot be partitioned`, {
        value: profile,
        hint: `Partitions exist for ${types}; leave acceleratorProfile out to hold whole servers of ${type}.`,
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (!catalogue.profiles.some((p) => p.name === profile)) {
    const names = catalogue.profiles.map((p) => p.name).join(', ');
    out.push(
      error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile} is not a profile of ${type}; allowed: ${names}`, {
        value: profile,
        hint: `Use one of: ${names}.`,
      }),
    );
  }
  if (typeof nodeCount === 'number' && nodeCount !== 1) {
    out.push(
      error(
        'INVALID_VALUE',
        'nodeCount',
        `nodeCount ${nodeCount} with acceleratorProfile ${profile}: a partitioned cluster holds its partitions on one server`,
        { value: nodeCount, hint: 'Set nodeCount to 1 and the number of partitions in profileCount.' },
      ),
    );
  }
  return out;
}

export const clusterRules: KindRules = { check: (value) => [...zoneInRegion(value), ...acceleratorTypeChoice(value), ...profileOfType(value)] };

/** The inputs a cluster's accelerator request is made of, after validation and defaults. */
export type ClusterShape = Pick<
  ClusterInputs,
  'zone' | 'acceleratorType' | 'acceleratorTypes' | 'nodeCount' | 'placement' | 'acceleratorProfile' | 'profileCount'
> & {
  region?: string;
};

/**
 * What a cluster asks of the allocator, whole or partitioned: `nodeCount` servers placed by its
 * `placement`, or `profileCount` instances of its profile on one server. The front ends' plans, the
 * placement preview, the create, the queue check and admission all build the request here.
 */
export interface AcceleratorAsk {
  /** The one type asked for; a cluster that lists several types asks with `acceleratorTypes` instead. */
  acceleratorType: string;
  region?: string;
  zone: string;
  count: number;
  unit: 'servers' | 'accelerators';
  scope: 'server' | 'supernode' | 'zone' | 'spread';
  /** A partition profile: `count` instances of it, on one server. */
  profile?: string;
}

/** Partitions a partitioned cluster holds: `profileCount`, which means 1 when absent. */
export function partitionCount(c: Pick<ClusterInputs, 'profileCount'>): number {
  return c.profileCount ?? 1;
}

/** The same ask, accepting several types in order of preference: the allocator picks the first that fits. */
export type AnyTypeAsk = Omit<AcceleratorAsk, 'acceleratorType'> & { acceleratorTypes: string[] };

/**
 * The accelerator request of a cluster; `servers` overrides `nodeCount` (growth asks only for the new
 * servers). A cluster listing `acceleratorTypes` asks with the list, unless `chosen` names the type it
 * already runs on.
 */
export function clusterAsk(c: ClusterShape, servers: number = c.nodeCount, chosen?: string): AcceleratorAsk | AnyTypeAsk {
  const type = chosen ?? c.acceleratorType;
  if (type === undefined && c.acceleratorTypes !== undefined) {
    const { acceleratorType: _t, ...ask } = clusterAskOfType(c, c.acceleratorTypes[0] ?? '', servers);
    return { ...ask, acceleratorTypes: [...c.acceleratorTypes] };
  }
  return clusterAskOfType(c, type ?? '', servers);
}

/** The accelerator request of a cluster on one given type (its own, or the one chosen from its list). */
export function clusterAskOfType(c: ClusterShape, type: string, servers: number = c.nodeCount): AcceleratorAsk {
  const where = { acceleratorType: type, ...(c.region !== undefined ? { region: c.region } : {}), zone: c.zone };
  if (c.acceleratorProfile !== undefined) {
    return { ...where, count: partitionCount(c), unit: 'accelerators', scope: 'server', profile: c.acceleratorProfile };
  }
  return { ...where, count: servers, unit: 'servers', scope: c.placement };
}

/** The input that sizes a cluster, which a refusal for room or quota names: `profileCount` when partitioned. */
export function clusterSizeField(c: Pick<ClusterInputs, 'acceleratorProfile'>): 'profileCount' | 'nodeCount' {
  return c.acceleratorProfile !== undefined ? 'profileCount' : 'nodeCount';
}

/** The allocator's request fields, named as a cluster's inputs, for the field a refusal blames. */
export function clusterFieldOf(c: Pick<ClusterInputs, 'acceleratorProfile'>, requestField: string | undefined): string {
  const size = clusterSizeField(c);
  if (requestField === undefined) return size;
  const fields: Record<string, string> = {
    count: size,
    unit: size,
    scope: 'placement',
    profile: 'acceleratorProfile',
    acceleratorProfile: 'acceleratorProfile',
  };
  return fields[requestField] ?? requestField;
}

/** A new cluster's entry in a placement preview batch (the `placements:preview` wire shape). */
export interface ClusterPreviewCreate {
  action: 'create';
  name: string;
  zone: string;
  acceleratorType?: string;
  /** A cluster accepting several types: the preview places it on the first that fits. */
  acceleratorTypes?: string[];
  nodeCount: number;
  placement: string;
  queue?: string;
  acceleratorProfile?: string;
  profileCount?: number;
}

/** The inputs a preview's create entry carries, which the cloud validates back into a cluster. */
export const CLUSTER_PREVIEW_FIELDS = [
  'name',
  'zone',
  'acceleratorType',
  'acceleratorTypes',
  'nodeCount',
  'placement',
  'acceleratorProfile',
  'profileCount',
] as const;

/** A preview create entry's cluster inputs, as sent: what the cloud validates (with `queue` checked apart). */
export function clusterPreviewFields(sent: object): Record<string, unknown> {
  const entry = sent as Readonly<Record<string, unknown>>;
  return Object.fromEntries(CLUSTER_PREVIEW_FIELDS.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
}

/** How every front end asks the preview about a new (or replacing) cluster. */
export function clusterPreviewCreate(c: ClusterShape & Pick<ClusterInputs, 'name' | 'queue'>): ClusterPreviewCreate {
  return {
    action: 'create',
    name: c.name,
    zone: c.zone,
    ...(c.acceleratorTypes !== undefined ? { acceleratorTypes: [...c.acceleratorTypes] } : { acceleratorType: c.acceleratorType ?? '' }),
    nodeCount: c.nodeCount,
    placement: c.placement,
    ...(c.queue !== undefined ? { queue: c.queue } : {}),
    ...(c.acceleratorProfile !== undefined ? { acceleratorProfile: c.acceleratorProfile, profileCount: partitionCount(c) } : {}),
  };
}

/**
 * Whether a change to a cluster needs the placement preview: a create or replace asks for all of it, an
 * update only when it grows (scaling down only frees accelerators).
 */
export function clusterNeedsPreview(
  step: 'create' | 'update' | 'replace' | 'delete' | 'no-op',
  before: { nodeCount?: unknown } | undefined,
  after: { nodeCount?: unknown },
): boolean {
  if (step === 'create' || step === 'replace') return true;
  return step === 'update' && typeof before?.nodeCount === 'number' && typeof after.nodeCount === 'number' && after.nodeCount > before.nodeCount;
}
