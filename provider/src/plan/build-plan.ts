import { clusterPreviewCreate, diffContextOf, endpointNeedsPreview, reservedReplicas, type ClusterInputs } from '../../../core/index.ts';
import { PROTECT_ANNOTATION, addressOf } from './stack-labels.ts';
import { fingerprintState, idempotencyKey } from './fingerprint.ts';
import { linkDependencies, orderSteps } from './link-steps.ts';
import { listFields } from './list-fields.ts';
import { mergePatch } from './merge-patch.ts';
import type { PlanRegistry } from './plan-registry.ts';
import {
  PLAN_FORMAT_VERSION,
  type CostSummary,
  type DesiredResource,
  type ObservedResource,
  type PlacementRequest,
  type Plan,
  type PlanFieldChange,
  type PlanProblem,
  type PlanStep,
  type StepAction,
} from './plan-types.ts';
import { priceResources, type ResourceFigures } from './price-resources.ts';

export interface BuildPlanOptions {
  stack: string;
  project: string;
  /** Delete everything the stack owns, whatever the manifests say. */
  destroy?: boolean;
  /** Report how the cloud differs from the manifests; such a plan is never applied. */
  refreshOnly?: boolean;
}

const HOURS_PER_DAY = 24;

/**
 * Compiles desired and observed state into a plan. Pure: no I/O, no clock, so
 * the same inputs always give the same plan and tests need no cloud. The core
 * (through `registry`) decides every update-versus-replace; this only arranges.
 */
export function buildPlan(desired: readonly DesiredResource[], observed: readonly ObservedResource[], registry: PlanRegistry, options: BuildPlanOptions): Plan {
  const fingerprint = fingerprintState(options.project, options.stack, observed);
  const wanted = options.destroy ? [] : desired;
  const observedAddresses = observed.map((o) => addressOf(o.kind, o.name));
  const wantedAddresses = wanted.map((d) => addressOf(d.kind, d.name));
  // By address, the last one wins, as a Map built from the list would.
  const observedIndex = new Map<string, number>();
  observedAddresses.forEach((address, i) => observedIndex.set(address, i));
  const wantedByAddress = new Set(wantedAddresses);
  const steps = new Map<string, PlanStep>();
  const problems: PlanProblem[] = [];
  const figures = priceResources(wanted, observed, registry);

  wanted.forEach((d, i) => {
    const address = wantedAddresses[i]!;
    const at = observedIndex.get(address);
    const o = at === undefined ? undefined : observed[at]!;
    const after = figures.wanted[i]!;
    const before = at === undefined ? { cost: 0, acc: 0 } : figures.observed[at]!;
    const step = stepBase(address, d, before, after);
    if (!o) {
      step.action = 'create';
      step.fields = listFields(d.inputs, 'create');
      step.deleteBeforeReplace = false;
      step.inputs = d.inputs;
      step.idempotencyKey = idempotencyKey(options.stack, address, 1, fingerprint);
      steps.set(address, step);
      return;
    }
    // The observed outputs say which type a cluster listing several runs on: dropping another type keeps it.
    const diff = registry.diffResource(d.kind, o.spec, d.inputs, diffContextOf(o.outputs));
    for (const bad of diff.diagnostics ?? []) {
      problems.push({
        code: bad.code,
        address,
        message: `${address}: ${bad.path ? `${bad.path}: ` : ''}${bad.message}`,
        ...(bad.hint ? { hint: bad.hint } : {}),
      });
    }
    const generation = o.generation ?? 1;
    const prior = { resourceVersion: o.resourceVersion, generation };
    const failed = o.status === 'failed' ? failedStatus(o, generation) : undefined;
    step.action = failed && diff.step !== 'replace' ? failed.impact : diff.step;
    if (step.action === 'no-op') {
      step.fields = [];
      step.deleteBeforeReplace = false;
      step.prior = prior;
    } else if (step.action === 'update') {
      step.fields = failed ? [...diff.fields, failed] : diff.fields;
      step.deleteBeforeReplace = false;
      step.inputs = d.inputs;
      step.patch = mergePatch(o.spec, d.inputs);
      step.prior = prior;
    } else {
      step.fields = failed ? [...diff.fields, failed] : diff.fields;
      step.deleteBeforeReplace = diff.deleteBeforeReplace || diff.step !== 'replace';
      step.inputs = d.inputs;
      step.prior = prior;
      step.idempotencyKey = idempotencyKey(options.stack, address, generation + 1, fingerprint);
      if (d.protect) problems.push(protectedProblem(address, 'replace'));
    }
    steps.set(address, step);
  });

  observed.forEach((o, i) => {
    const address = observedAddresses[i]!;
    if (wantedByAddress.has(address)) return;
    const protect = isProtected(o);
    const before = figures.observed[i]!;
    steps.set(address, {
      address,
      kind: o.kind,
      name: o.name,
      action: 'delete',
      fields: listFields(o.spec, 'delete'),
      deleteBeforeReplace: false,
      dependsOn: [],
      prior: { resourceVersion: o.resourceVersion, generation: o.generation ?? 1 },
      protect,
      hourlyCost: { before: before.cost, after: 0 },
      accelerators: { before: before.acc, after: 0 },
    });
    if (protect) problems.push(protectedProblem(address, options.destroy ? 'destroy' : 'prune'));
  });

  linkDependencies(steps, wanted, wantedAddresses, observed, observedAddresses, registry, problems);

  const ordered = orderSteps(steps);
  const summary: Record<StepAction, number> = { create: 0, update: 0, replace: 0, delete: 0, 'no-op': 0 };
  for (const step of ordered) summary[step.action]++;
  const requests = placementRequests(ordered);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    stack: options.stack,
    project: options.project,
    fingerprint,
    destroy: options.destroy ?? false,
    refreshOnly: options.refreshOnly ?? false,
    steps: ordered,
    ...(requests.length > 0 ? { placement: { requests, outcomes: [] } } : {}),
    cost: {
      before: totals(observed, figures.observed, registry),
      after: totals(wanted, figures.wanted, registry),
    },
    problems,
    summary,
  };
}

/**
 * The fields every step of a desired resource starts with; the caller adds
 * the action's own fields after them. Plain assignments in a fixed order, not
 * object spreads: the saved plan's key order stays the same, and spreads cost
 * tens of milliseconds on a plan of ten thousand steps.
 */
function stepBase(address: string, d: DesiredResource, before: ResourceFigures, after: ResourceFigures): PlanStep {
  const step = {
    address,
    kind: d.kind,
    name: d.name,
    dependsOn: [] as string[],
    protect: d.protect,
    hourlyCost: { before: before.cost, after: after.cost },
    accelerators: { before: before.acc, after: after.acc },
  } as PlanStep;
  if (d.source) step.source = d.source;
  return step;
}

/**
 * Why a failed resource still has work to do even when its spec is the wanted one. One that never
 * came up (its create failed, generation 1) is replaced; one whose later change failed is updated
 * with its own spec, which makes the cloud retry it; replacing that one would take down whatever
 * runs on it.
 */
function failedStatus(o: ObservedResource, generation: number): PlanFieldChange & { impact: 'update' | 'replace' } {
  return {
    path: 'status',
    old: 'failed',
    new: 'ready',
    impact: generation <= 1 ? 'replace' : 'update',
    reason: `the resource failed: ${o.statusReason ?? 'no reason given'}`,
  };
}

/** A resource is protected when its manifest (now or when it was applied) said so; the cloud keeps it as a label. */
function isProtected(o: ObservedResource): boolean {
  const labels = o.spec.labels as Record<string, unknown> | undefined;
  return labels?.[PROTECT_ANNOTATION] === 'true';
}

function protectedProblem(address: string, what: 'prune' | 'destroy' | 'replace'): PlanProblem {
  const verb = what === 'replace' ? 'would replace' : what === 'destroy' ? 'would destroy' : 'would delete';
  return {
    code: 'PROTECTED_RESOURCE',
    address,
    message: `${address} is protected (${PROTECT_ANNOTATION}: "true") and the plan ${verb} it`,
    hint:
      what === 'replace'
        ? `undo the change that forces replacement, or remove the ${PROTECT_ANNOTATION} annotation first`
        : what === 'destroy'
          ? `apply the manifests once with ${PROTECT_ANNOTATION}: "false", then destroy`
          : `put the manifest back, or apply it once with ${PROTECT_ANNOTATION}: "false" before removing it`,
  };
}

function placementRequests(steps: readonly PlanStep[]): PlacementRequest[] {
  const releases: PlacementRequest[] = [];
  const takes: PlacementRequest[] = [];
  const replicas: PlacementRequest[] = [];
  // Endpoints give back first and take last: their replicas need their cluster's instances.
  const endpointTakes: PlacementRequest[] = [];
  endpointInstanceRequests(steps, releases, endpointTakes);
  for (const step of steps) {
    const endpoint = queuedEndpointRequest(step);
    if (endpoint) replicas.push(endpoint);
    if (step.kind !== 'Cluster') continue;
    const base = { address: step.address, name: step.name };
    // A partitioned cluster holds no whole accelerator but still has partitions to give back (and a price).
    if ((step.action === 'delete' || step.action === 'replace') && (step.accelerators.before > 0 || step.hourlyCost.before > 0)) {
      releases.push({ ...base, action: 'release', acceleratorCount: step.accelerators.before });
    }
    if (!step.inputs) continue;
    // Validated inputs: the core builds the request, as it does for the other front ends and the cloud.
    const {
      action: _create,
      name: _name,
      queue,
      zone,
      acceleratorType,
      placement,
      nodeCount,
      ...partitions
    } = clusterPreviewCreate(step.inputs as unknown as ClusterInputs);
    // Field order as saved plans have always had it.
    const common = { zone, acceleratorType, placement, nodeCount, ...partitions };
    if (step.action === 'create' || step.action === 'replace') {
      takes.push({ ...base, ...common, action: 'create', acceleratorCount: step.accelerators.after, ...(queue !== undefined ? { queue } : {}) });
    } else if (step.action === 'update' && step.accelerators.after > step.accelerators.before) {
      takes.push({ ...base, ...common, action: 'grow', acceleratorCount: step.accelerators.after - step.accelerators.before });
    }
  }
  // Endpoints go last: their clusters (created or grown in this plan) are placed first.
  return [...releases, ...takes, ...endpointTakes, ...replicas];
}

/** A new endpoint that names a queue: previewed so the plan says whether it starts or waits (others are placed at apply). */
function queuedEndpointRequest(step: PlanStep): PlacementRequest | undefined {
  const inputs = step.inputs;
  // Endpoints on partition instances are previewed by endpointInstanceRequests.
  if (step.kind !== 'ModelEndpoint' || !inputs || typeof inputs.queue !== 'string' || typeof inputs.acceleratorProfile === 'string') return undefined;
  if (
    !endpointNeedsPreview(
      step.action,
      inputs,
      step.fields.map((f) => f.path),
    )
  )
    return undefined;
  const replicas = reservedReplicas(inputs);
  const per = Number(inputs.acceleratorsPerReplica);
  return {
    address: step.address,
    name: step.name,
    action: 'replicas',
    cluster: String(inputs.cluster),
    replicas,
    acceleratorsPerReplica: per,
    queue: inputs.queue,
    acceleratorCount: replicas * per,
  };
}

/**
 * Endpoints with an acceleratorProfile take instances of their partitioned cluster, so the preview asks
 * for their replicas too (a new one that names a queue is previewed as waiting when they are short). When any does, endpoints the plan deletes or replaces give theirs back first,
 * as apply does; plans without such endpoints preview exactly what they did before.
 */
function endpointInstanceRequests(steps: readonly PlanStep[], releases: PlacementRequest[], takes: PlacementRequest[]): void {
  for (const step of steps) {
    if (step.kind !== 'ModelEndpoint' || !step.inputs || typeof step.inputs.acceleratorProfile !== 'string') continue;
    if (
      !endpointNeedsPreview(
        step.action,
        step.inputs,
        step.fields.map((f) => f.path),
      )
    )
      continue;
    takes.push({
      address: step.address,
      name: step.name,
      action: 'replicas',
      cluster: String(step.inputs.cluster),
      replicas: reservedReplicas(step.inputs),
      acceleratorsPerReplica: 1,
      acceleratorProfile: step.inputs.acceleratorProfile,
      acceleratorCount: 0,
      // A new endpoint that names a queue waits there when its instances are short, as apply does.
      ...(step.action !== 'update' && typeof step.inputs.queue === 'string' ? { queue: step.inputs.queue } : {}),
    });
  }
  if (takes.length === 0) return;
  for (const step of steps) {
    if (step.kind === 'ModelEndpoint' && (step.action === 'delete' || step.action === 'replace')) {
      releases.push({ address: step.address, name: step.name, action: 'release', kind: 'ModelEndpoint', acceleratorCount: 0 });
    }
  }
}

/** The bill of the billed kinds, summed in list order so the rounding is the same on every run. */
function totals(resources: readonly { kind: string }[], figures: readonly ResourceFigures[], registry: PlanRegistry): CostSummary {
  let cost = 0;
  let acc = 0;
  resources.forEach((r, i) => {
    if (!registry.billed(r.kind)) return;
    cost += figures[i]!.cost;
    acc += figures[i]!.acc;
  });
  return { hourlyCost: round2(cost), acceleratorHoursPerDay: acc * HOURS_PER_DAY };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
