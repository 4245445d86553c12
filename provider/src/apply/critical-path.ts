import { DELETE_LATENCY_FRACTION, NOMINAL_LATENCY_MS, type Kind } from '../../../core/index.ts';
import type { PlanStep } from '../plan/index.ts';

/**
 * How long the chain that starts at each step takes at best: its own nominal latency plus the
 * longest chain among the steps waiting on it. Starting the longest chains first (list scheduling
 * by critical path) keeps a 30-second cluster from queueing behind hundreds of one-second buckets.
 */
export function chainWeights(steps: readonly PlanStep[], dependents: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const byAddress = new Map(steps.map((s) => [s.address, s]));
  const weights = new Map<string, number>();
  const visiting = new Set<string>();
  const weigh = (address: string): number => {
    const known = weights.get(address);
    if (known !== undefined) return known;
    // The plan's graph is acyclic; the guard only keeps a malformed plan from recursing forever.
    if (visiting.has(address)) return 0;
    visiting.add(address);
    const step = byAddress.get(address);
    const nominal = step ? (NOMINAL_LATENCY_MS[step.kind as Kind] ?? 1_000) : 0;
    const own = step?.action === 'delete' ? nominal * DELETE_LATENCY_FRACTION : nominal;
    let downstream = 0;
    for (const next of dependents.get(address) ?? []) downstream = Math.max(downstream, weigh(next));
    visiting.delete(address);
    weights.set(address, own + downstream);
    return own + downstream;
  };
  for (const s of steps) weigh(s.address);
  return weights;
}

/** A max-heap of ready steps by chain weight; ties keep plan order so runs are repeatable. */
export class ReadyQueue {
  private readonly heap: { step: PlanStep; weight: number; order: number }[] = [];
  private counter = 0;

  constructor(private readonly weights: ReadonlyMap<string, number>) {}

  get length(): number {
    return this.heap.length;
  }

  push(step: PlanStep): void {
    const h = this.heap;
    h.push({ step, weight: this.weights.get(step.address) ?? 0, order: this.counter++ });
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  shift(): PlanStep | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.before(h[l], h[best])) best = l;
        if (r < h.length && this.before(h[r], h[best])) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best], h[i]];
        i = best;
      }
    }
    return top.step;
  }

  private before(a: { weight: number; order: number }, b: { weight: number; order: number }): boolean {
    return a.weight > b.weight || (a.weight === b.weight && a.order < b.order);
  }
}
