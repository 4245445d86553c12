import { DependencyGraph } from './dependency-graph.ts';
import type { PlanRegistry } from './plan-registry.ts';
import type { DesiredResource, ObservedResource, PlanProblem, PlanStep } from './plan-types.ts';

/**
 * Wires apply order. Creates and updates wait for what they reference; a
 * delete waits for the deletes of whatever referenced it, so a cluster goes
 * only after the endpoints on it. Addresses come precomputed, index for index
 * with `wanted` and `observed`.
 */
export function linkDependencies(
  steps: Map<string, PlanStep>,
  wanted: readonly DesiredResource[],
  wantedAddresses: readonly string[],
  observed: readonly ObservedResource[],
  observedAddresses: readonly string[],
  registry: PlanRegistry,
  problems: PlanProblem[],
): void {
  const graph = new DependencyGraph();
  const active = (address: string): PlanStep | undefined => {
    const step = steps.get(address);
    return step && step.action !== 'no-op' ? step : undefined;
  };
  wanted.forEach((d, i) => {
    const address = wantedAddresses[i]!;
    if (!active(address)) return;
    graph.addNode(address);
    for (const dep of d.dependsOn) {
      const target = active(dep);
      if (target && target.action !== 'delete') graph.addEdge(address, dep);
    }
  });
  observed.forEach((o, i) => {
    const address = observedAddresses[i]!;
    const step = active(address);
    if (!step || (step.action !== 'delete' && step.action !== 'replace')) return;
    for (const referenced of registry.referencesOf(o.kind, o.spec)) {
      const target = active(referenced);
      // The referencing resource must be gone before the one it names is deleted.
      if (target && (target.action === 'delete' || target.action === 'replace')) graph.addEdge(referenced, address);
    }
  });
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

/** Steps in apply order (dependencies first, ties by address); by address alone when they wait for each other. */
export function orderSteps(steps: Map<string, PlanStep>): PlanStep[] {
  const graph = new DependencyGraph();
  for (const step of steps.values()) {
    graph.addNode(step.address);
    for (const dep of step.dependsOn) graph.addEdge(step.address, dep);
  }
  if (graph.findCycle()) return [...steps.values()].sort((a, b) => a.address.localeCompare(b.address));
  return graph.topologicalOrder().map((address) => steps.get(address)!);
}
