import { ACCELERATOR_TYPES, compareVersions } from '../accelerators.ts';
import { error, warning, type Diagnostic } from '../diagnostics.ts';
import { checkEndpointFits } from '../endpoint-fit.ts';
import { PARTITION_CATALOGUE } from '../partitions.ts';
import type { KindRules } from './kind-rules.ts';

const FRAMEWORK_STACK: Record<string, 'cann' | 'cuda' | undefined> = {
  mindie: 'cann',
  'vllm-ascend': 'cann',
  'tensorrt-llm': 'cuda',
  vllm: 'cuda',
  sglang: undefined,
};

interface Endpoint {
  replicas?: number;
  autoscaling?: { minReplicas: number; maxReplicas: number };
  acceleratorsPerReplica: number;
  acceleratorProfile?: string;
  parallelism: { tensor: number; expert: number; pipeline: number; data: number };
  runtime: { framework: string; softwareStack: string };
  contextLength: number;
  sequencesPerReplica: number;
  model: { name: string; parametersBillions: number; activeParametersBillions?: number; precision: string; kvBytesPerToken: number };
}

/** Rules that need no knowledge of the cluster. */
function checkShape(e: Endpoint): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (e.replicas !== undefined && e.autoscaling !== undefined) {
    out.push(error('CONFLICTING_FIELDS', 'replicas', 'set either replicas or autoscaling, not both', { value: e.replicas }));
  }
  if (e.autoscaling && e.autoscaling.minReplicas > e.autoscaling.maxReplicas) {
    out.push(
      error('OUT_OF_RANGE', 'autoscaling.maxReplicas', `maxReplicas ${e.autoscaling.maxReplicas} is below minReplicas ${e.autoscaling.minReplicas}`, {
        value: e.autoscaling.maxReplicas,
        hint: 'Make maxReplicas at least minReplicas.',
      }),
    );
  }
  const p = e.parallelism;
  const product = p.tensor * p.expert * p.pipeline * p.data;
  const profiled = checkProfiledShape(e);
  out.push(...profiled);
  if (product !== e.acceleratorsPerReplica && profiled.length === 0) {
    out.push(
      error(
        'PARALLELISM_MISMATCH',
        'parallelism',
        `tensor ${p.tensor} x expert ${p.expert} x pipeline ${p.pipeline} x data ${p.data} = ${product}, but acceleratorsPerReplica is ${e.acceleratorsPerReplica}`,
        {
          value: p,
        },
      ),
    );
  }
  const m = e.model;
  if (m.activeParametersBillions !== undefined && m.activeParametersBillions > m.parametersBillions) {
    out.push(
      error(
        'OUT_OF_RANGE',
        'model.activeParametersBillions',
        `active parameters (${m.activeParametersBillions}B) exceed total parameters (${m.parametersBillions}B)`,
        { value: m.activeParametersBillions },
      ),
    );
  }
  if (p.expert > 1 && m.activeParametersBillions === undefined) {
    out.push(
      warning(
        'MISSING_FIELD',
        'model.activeParametersBillions',
        'expert parallelism is set but the model declares no active parameters; is it a mixture-of-experts model?',
      ),
    );
  }
  const [stackName] = e.runtime.softwareStack.split('-');
  const wants = FRAMEWORK_STACK[e.runtime.framework];
  if (wants && wants !== stackName) {
    out.push(
      error('RUNTIME_MISMATCH', 'runtime.softwareStack', `${e.runtime.framework} runs on ${wants}, not ${e.runtime.softwareStack}`, {
        value: e.runtime.softwareStack,
        hint: `Use a ${wants}-X.Y software stack with ${e.runtime.framework}.`,
      }),
    );
  }
  return out;
}

/**
 * A replica with an acceleratorProfile runs on one partition instance, which cannot join a tensor-,
 * pipeline- or expert-parallel group across accelerators: one accelerator per replica, no parallelism.
 */
function checkProfiledShape(e: Endpoint): Diagnostic[] {
  const profile = e.acceleratorProfile;
  if (profile === undefined) return [];
  const out: Diagnostic[] = [];
  if (e.acceleratorsPerReplica !== 1) {
    out.push(
      error(
        'INVALID_VALUE',
        'acceleratorsPerReplica',
        `acceleratorsPerReplica ${e.acceleratorsPerReplica} with acceleratorProfile ${profile}: each replica runs on one ${profile} instance`,
        {
          value: e.acceleratorsPerReplica,
          hint: 'Set acceleratorsPerReplica to 1 and the number of instances in replicas (or autoscaling), or leave acceleratorProfile out to use whole accelerators.',
        },
      ),
    );
  }
  for (const degree of ['tensor', 'pipeline', 'expert'] as const) {
    const n = e.parallelism[degree];
    if (n > 1) {
      out.push(
        error(
          'INVALID_VALUE',
          `parallelism.${degree}`,
          `${degree} parallelism ${n} with acceleratorProfile ${profile}: a partition instance cannot join a ${degree}-parallel group across accelerators`,
          {
            value: n,
            hint: `Set parallelism.${degree} to 1 and scale with replicas, or leave acceleratorProfile out to run on whole accelerators.`,
          },
        ),
      );
    }
  }
  return out;
}

/** A profile must be in the catalogue of the cluster's type, as a cluster's must. */
function checkProfileOfType(profile: string, typeName: string): Diagnostic[] {
  const catalogue = PARTITION_CATALOGUE[typeName];
  if (!catalogue) {
    const types = Object.keys(PARTITION_CATALOGUE).join(', ');
    return [
      error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile}: ${typeName} cannot be partitioned`, {
        value: profile,
        hint: `Partitions exist for ${types}; leave acceleratorProfile out to run on whole ${typeName}.`,
      }),
    ];
  }
  if (catalogue.profiles.some((p) => p.name === profile)) return [];
  const names = catalogue.profiles.map((p) => p.name).join(', ');
  return [
    error('INVALID_VALUE', 'acceleratorProfile', `acceleratorProfile ${profile} is not a profile of ${typeName}; allowed: ${names}`, {
      value: profile,
      hint: `Use one of: ${names}.`,
    }),
  ];
}

/** Rules that need the accelerator type of the cluster: runtime, topology and memory. */
function checkAgainstType(e: Endpoint, typeName: string): Diagnostic[] {
  const type = ACCELERATOR_TYPES[typeName];
  if (!type) return [];
  const out: Diagnostic[] = [];
  const [stackName, version = ''] = e.runtime.softwareStack.split('-');
  if (stackName !== type.softwareStack.name) {
    out.push(
      error('RUNTIME_MISMATCH', 'runtime.softwareStack', `${typeName} runs ${type.softwareStack.name}, not ${stackName} (${e.runtime.softwareStack})`, {
        value: e.runtime.softwareStack,
        hint: `Use ${type.softwareStack.name}-${type.softwareStack.minimumVersion} or later.`,
      }),
    );
  } else if (compareVersions(version, type.softwareStack.minimumVersion) < 0) {
    out.push(
      error(
        'RUNTIME_MISMATCH',
        'runtime.softwareStack',
        `${typeName} needs ${type.softwareStack.name} ${type.softwareStack.minimumVersion} or later, got ${version}`,
        {
          value: e.runtime.softwareStack,
          hint: `Use ${type.softwareStack.name}-${type.softwareStack.minimumVersion} or later.`,
        },
      ),
    );
  }
  if (!type.frameworks.includes(e.runtime.framework)) {
    out.push(
      error('RUNTIME_MISMATCH', 'runtime.framework', `${e.runtime.framework} does not run on ${typeName}`, {
        value: e.runtime.framework,
        hint: `Use one of ${type.frameworks.join(', ')}.`,
      }),
    );
  }
  const n = e.acceleratorsPerReplica;
  const perServer = type.acceleratorsPerServer;
  const groupSizes = new Set(type.serverGroups);
  if (n < perServer && type.serverGroups.length > 1 && ![...groupSizes].some((g) => g % n === 0 && n <= g)) {
    out.push(
      error(
        'TOPOLOGY_MISMATCH',
        'acceleratorsPerReplica',
        `${n} accelerators cannot stay inside one ${Math.max(...type.serverGroups)}-accelerator link group of ${typeName}`,
        {
          value: n,
          hint: `Use 1, 2 or 4 (one group) or ${perServer} (a whole server).`,
        },
      ),
    );
  } else if (n > perServer && n % perServer !== 0) {
    out.push(
      error(
        'TOPOLOGY_MISMATCH',
        'acceleratorsPerReplica',
        `a replica of ${n} spans servers of ${perServer} ${typeName}, so it must be a multiple of ${perServer}`,
        {
          value: n,
          hint: `Use ${Math.ceil(n / perServer) * perServer}.`,
        },
      ),
    );
  }
  if (e.acceleratorProfile !== undefined) {
    const wrong = checkProfileOfType(e.acceleratorProfile, typeName);
    if (wrong.length > 0) return [...out, ...wrong];
  }
  const fit = checkEndpointFits(e, typeName);
  if (fit) out.push(fit);
  return out;
}

export const modelEndpointRules: KindRules = {
  clusterField: 'cluster',
  check(value, ctx) {
    const e = value as unknown as Endpoint;
    const out = checkShape(e);
    if (ctx.acceleratorType) out.push(...checkAgainstType(e, ctx.acceleratorType));
    return out;
  },
  // Two copies of one endpoint on the same cluster would need twice its accelerators.
  deleteBeforeReplace: (o, n) => o.name === n.name || o.cluster === n.cluster,
};

/**
 * Whether a change to an endpoint needs the placement preview. On partition instances: a create, a
 * replace or a new number of replicas (its instances are taken from its cluster's). On whole
 * accelerators: only a new endpoint that names a queue, so the plan says whether it waits (others are
 * placed, or refused, at apply). A replaced one is not asked: its old replicas are deleted first, and
 * a preview that still counted them would say it waits when it does not.
 */
export function endpointNeedsPreview(
  step: 'create' | 'update' | 'replace' | 'delete' | 'no-op',
  e: { acceleratorProfile?: unknown; queue?: unknown },
  changedPaths: readonly string[],
): boolean {
  if (typeof e.acceleratorProfile === 'string') {
    return step === 'create' || step === 'replace' || (step === 'update' && changedPaths.some((p) => p === 'replicas' || p.startsWith('autoscaling')));
  }
  return typeof e.queue === 'string' && step === 'create';
}
