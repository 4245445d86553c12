import { joinPath } from '../core/index.ts';
import { DependencyGraph } from '../gitops/dependency-graph.ts';
import { PROTECT_ANNOTATION, addressOf } from '../gitops/manifest.ts';
import { fingerprintState, idempotencyKey } from './fingerprint.ts';
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
export function buildPlan(
  desired: readonly DesiredResource[],
  observed: readonly ObservedResource[],
  registry: PlanRegistry,
  options: BuildPlanOptions,
): Plan {
  const fingerprint = fingerprintState(options.project, options.stack, observed);
  const wanted = options.destroy ? [] : desired;
  const observedByAddress = new Map(observed.map((o) => [addressOf(o.kind, o.name), o]));
  const wantedByAddress = new Map(wanted.map((d) => [addressOf(d.kind, d.name), d]));
  const steps = new Map<string, PlanStep>();
  const problems: PlanProblem[] = [];
  const clusterTypes = new Map<string, string>();
  for (const r of [...observed.map((o) => ({ kind: o.kind, name: o.name, inputs: o.spec })), ...wanted]) {
    if (r.kind === 'Cluster' && typeof r.inputs.acceleratorType === 'string') clusterTypes.set(r.name, r.inputs.acceleratorType);
  }
  const cost = (kind: string, inputs: Record<string, unknown>): number => {
    const type = typeof inputs.cluster === 'string' ? clusterTypes.get(inputs.cluster) : undefined;
    return registry.hourlyCost(kind, inputs, type ? { acceleratorType: type } : {});
  };

  for (const d of wanted) {
    const address = addressOf(d.kind, d.name);
    const o = observedByAddress.get(address);
    const after = { cost: cost(d.kind, d.inputs), acc: registry.acceleratorCount(d.kind, d.inputs) };
    const before = o ? { cost: cost(o.kind, o.spec), acc: registry.acceleratorCount(o.kind, o.spec) } : { cost: 0, acc: 0 };
    const base = {
      address,
      kind: d.kind,
      name: d.name,
      dependsOn: [] as string[],
      protect: d.protect,
      hourlyCost: { before: before.cost, after: after.cost },
      accelerators: { before: before.acc, after: after.acc },
      ...(d.source ? { source: d.source } : {}),
    };
    if (!o) {
      steps.set(address, {
        ...base,
        action: 'create',
        fields: listFields(d.inputs, 'create'),
        deleteBeforeReplace: false,
        inputs: d.inputs,
        idempotencyKey: idempotencyKey(options.stack, address, 1, fingerprint),
      });
      continue;
    }
    const diff = registry.diffResource(d.kind, o.spec, d.inputs);
    for (const bad of diff.diagnostics ?? []) {
      problems.push({ code: bad.code, address, message: `${address}: ${bad.path ? `${bad.path}: ` : ''}${bad.message}`, ...(bad.hint ? { hint: bad.hint } : {}) });
    }
    const generation = o.generation ?? 1;
    const prior = { resourceVersion: o.resourceVersion, generation };
    if (diff.step === 'no-op') {
      steps.set(address, { ...base, action: 'no-op', fields: [], deleteBeforeReplace: false, prior });
    } else if (diff.step === 'update') {
      steps.set(address, { ...base, action: 'update', fields: diff.fields, deleteBeforeReplace: false, inputs: d.inputs, patch: mergePatch(o.spec, d.inputs), prior });
    } else {
      steps.set(address, {
        ...base,
        action: 'replace',
        fields: diff.fields,
        deleteBeforeReplace: diff.deleteBeforeReplace,
        inputs: d.inputs,
        prior,
        idempotencyKey: idempotencyKey(options.stack, address, generation + 1, fingerprint),
      });
      if (d.protect) problems.push(protectedProblem(address, 'replace'));
    }
  }

  for (const o of observed) {
    const address = addressOf(o.kind, o.name);
    if (wantedByAddress.has(address)) continue;
    const protect = isProtected(o);
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
      hourlyCost: { before: cost(o.kind, o.spec), after: 0 },
      accelerators: { before: registry.acceleratorCount(o.kind, o.spec), after: 0 },
    });
    if (protect) problems.push(protectedProblem(address, options.destroy ? 'destroy' : 'prune'));
  }

  linkDependencies(steps, wanted, observed, registry, problems);

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
      before: totals(observed.filter((o) => registry.billed(o.kind)).map((o) => ({ cost: cost(o.kind, o.spec), acc: registry.acceleratorCount(o.kind, o.spec) }))),
      after: totals(wanted.filter((d) => registry.billed(d.kind)).map((d) => ({ cost: cost(d.kind, d.inputs), acc: registry.acceleratorCount(d.kind, d.inputs) }))),
    },
    problems,
    summary,
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

/**
 * Wires apply order. Creates and updates wait for what they reference; a
 * delete waits for the deletes of whatever referenced it, so a cluster goes
 * only after the endpoints on it.
 */
function linkDependencies(
  steps: Map<string, PlanStep>,
  wanted: readonly DesiredResource[],
  observed: readonly ObservedResource[],
  registry: PlanRegistry,
  problems: PlanProblem[],
): void {
  const graph = new DependencyGraph();
  const active = (address: string): PlanStep | undefined => {
    const step = steps.get(address);
    return step && step.action !== 'no-op' ? step : undefined;
  };
  for (const d of wanted) {
    const address = addressOf(d.kind, d.name);
    const step = active(address);
    if (!step) continue;
    graph.addNode(address);
    for (const dep of d.dependsOn) {
      const target = active(dep);
      if (target && target.action !== 'delete') graph.addEdge(address, dep);
    }
  }
  for (const o of observed) {
    const address = addressOf(o.kind, o.name);
    const step = active(address);
    if (!step || (step.action !== 'delete' && step.action !== 'replace')) continue;
    for (const referenced of registry.referencesOf(o.kind, o.spec)) {
      const target = active(referenced);
      // The referencing resource must be gone before the one it names is deleted.
      if (target && (target.action === 'delete' || target.action === 'replace')) graph.addEdge(referenced, address);
    }
  }
  const cycle = graph.findCycle();
  if (cycle) {
    problems.push({
      code: 'REFERENCE_CYCLE',
      message: `the steps of this plan wait for each other: ${cycle.join(' -> ')}`,
      hint: 'split the change in two applies: first the deletes, then the creates',
    });
    return;
  }
  for (const node of graph.nodes()) steps.get(node)!.dependsOn = graph.dependenciesOf(node);
}

function orderSteps(steps: Map<string, PlanStep>): PlanStep[] {
  const graph = new DependencyGraph();
  for (const step of steps.values()) {
    graph.addNode(step.address);
    for (const dep of step.dependsOn) graph.addEdge(step.address, dep);
  }
  if (graph.findCycle()) return [...steps.values()].sort((a, b) => a.address.localeCompare(b.address));
  return graph.topologicalOrder().map((address) => steps.get(address)!);
}

function placementRequests(steps: readonly PlanStep[]): PlacementRequest[] {
  const releases: PlacementRequest[] = [];
  const takes: PlacementRequest[] = [];
  for (const step of steps) {
    if (step.kind !== 'Cluster') continue;
    const base = { address: step.address, name: step.name };
    if ((step.action === 'delete' || step.action === 'replace') && step.accelerators.before > 0) {
      releases.push({ ...base, action: 'release', acceleratorCount: step.accelerators.before });
    }
    if (!step.inputs) continue;
    const inputs = step.inputs;
    const common = { ...base, zone: String(inputs.zone), acceleratorType: String(inputs.acceleratorType), placement: String(inputs.placement ?? 'zone'), nodeCount: Number(inputs.nodeCount) };
    if (step.action === 'create' || step.action === 'replace') {
      takes.push({ ...common, action: 'create', acceleratorCount: step.accelerators.after });
    } else if (step.action === 'update' && step.accelerators.after > step.accelerators.before) {
      takes.push({ ...common, action: 'grow', acceleratorCount: step.accelerators.after - step.accelerators.before });
    }
  }
  return [...releases, ...takes];
}

function totals(items: readonly { cost: number; acc: number }[]): CostSummary {
  let cost = 0;
  let acc = 0;
  for (const item of items) {
    cost += item.cost;
    acc += item.acc;
  }
  return { hourlyCost: round2(cost), acceleratorHoursPerDay: acc * HOURS_PER_DAY };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Flattens inputs into leaf fields for create and delete steps, which have no diff to show. */
function listFields(inputs: Record<string, unknown>, impact: 'create' | 'delete', prefix: string[] = []): PlanFieldChange[] {
  const out: PlanFieldChange[] = [];
  for (const key of Object.keys(inputs).sort()) {
    const value = inputs[key];
    if (value === undefined) continue;
    const segments = [...prefix, key];
    const path = joinPath(segments);
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      out.push(...listFields(value as Record<string, unknown>, impact, segments));
    } else if (impact === 'create') {
      out.push({ path, new: value, impact });
    } else {
      out.push({ path, old: value, impact });
    }
  }
  return out;
}
