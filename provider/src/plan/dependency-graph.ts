/**
 * Dependencies between resources of a stack, by address. Kept generic (plain
 * strings) so the planner, the applier and the loader share one cycle check.
 *
 * Stacks reach tens of thousands of resources and a plan asks for the cycle
 * check and the order more than once, so the sorted view and the walk are
 * computed once and kept until the graph changes.
 */
export class DependencyGraph {
  readonly #deps = new Map<string, Set<string>>();
  #sortedDeps = new Map<string, string[]>();
  #walk: { cycle: string[] } | { order: string[] } | undefined;

  addNode(node: string): void {
    if (this.#deps.has(node)) return;
    this.#deps.set(node, new Set());
    this.#walk = undefined;
  }

  /** Records that `from` needs `to` first. */
  addEdge(from: string, to: string): void {
    this.addNode(from);
    this.addNode(to);
    const deps = this.#deps.get(from)!;
    if (deps.has(to)) return;
    deps.add(to);
    this.#sortedDeps.delete(from);
    this.#walk = undefined;
  }

  nodes(): string[] {
    return [...this.#deps.keys()];
  }

  dependenciesOf(node: string): string[] {
    return this.#sorted(node).slice();
  }

  dependentsOf(node: string): string[] {
    const out: string[] = [];
    for (const [from, tos] of this.#deps) if (tos.has(node)) out.push(from);
    return out.sort();
  }

  /**
   * The first cycle found, in dependency order and closed
   * (`['A', 'B', 'A']` means A needs B needs A), or undefined.
   * Nodes are visited sorted so the same repository always names the same cycle.
   */
  findCycle(): string[] | undefined {
    const walk = this.#walked();
    return 'cycle' in walk ? walk.cycle.slice() : undefined;
  }

  /** Dependencies first; ties broken by name so output is stable. Throws on a cycle (check `findCycle` first). */
  topologicalOrder(): string[] {
    const walk = this.#walked();
    if ('cycle' in walk) throw new Error(`dependency cycle: ${walk.cycle.join(' -> ')}`);
    return walk.order.slice();
  }

  #sorted(node: string): string[] {
    let sorted = this.#sortedDeps.get(node);
    if (!sorted) {
      sorted = [...(this.#deps.get(node) ?? [])].sort();
      this.#sortedDeps.set(node, sorted);
    }
    return sorted;
  }

  #walked(): { cycle: string[] } | { order: string[] } {
    this.#walk ??= this.#depthFirst();
    return this.#walk;
  }

  /**
   * One depth-first walk, nodes and dependencies in sorted order: the
   * post-order is the topological order, and the first edge back to a node
   * still open closes the cycle to report. Iterative, so a long chain of
   * references cannot overflow the call stack.
   */
  #depthFirst(): { cycle: string[] } | { order: string[] } {
    const state = new Map<string, 'open' | 'done'>();
    const order: string[] = [];
    const path: string[] = [];
    const next: number[] = [];
    for (const start of this.nodes().sort()) {
      if (state.has(start)) continue;
      state.set(start, 'open');
      path.push(start);
      next.push(0);
      while (path.length > 0) {
        const top = path.length - 1;
        const deps = this.#sorted(path[top]!);
        if (next[top]! < deps.length) {
          const dep = deps[next[top]!++]!;
          const seen = state.get(dep);
          if (seen === 'open') return { cycle: [...path.slice(path.indexOf(dep)), dep] };
          if (seen === undefined) {
            state.set(dep, 'open');
            path.push(dep);
            next.push(0);
          }
          continue;
        }
        const done = path.pop()!;
        next.pop();
        state.set(done, 'done');
        order.push(done);
      }
    }
    return { order };
  }
}
