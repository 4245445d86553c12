/**
 * Dependencies between resources of a stack, by address. Kept generic (plain
 * strings) so the planner, the applier and the loader share one cycle check.
 */
export class DependencyGraph {
  readonly #deps = new Map<string, Set<string>>();

  addNode(node: string): void {
    if (!this.#deps.has(node)) this.#deps.set(node, new Set());
  }

  /** Records that `from` needs `to` first. */
  addEdge(from: string, to: string): void {
    this.addNode(from);
    this.addNode(to);
    this.#deps.get(from)!.add(to);
  }

  nodes(): string[] {
    return [...this.#deps.keys()];
  }

  dependenciesOf(node: string): string[] {
    return [...(this.#deps.get(node) ?? [])].sort();
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
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string): string[] | undefined => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of this.dependenciesOf(node)) {
        const seen = state.get(next);
        if (seen === 'open') return [...stack.slice(stack.indexOf(next)), next];
        if (seen === undefined) {
          const found = visit(next);
          if (found) return found;
        }
      }
      stack.pop();
      state.set(node, 'done');
      return undefined;
    };
    for (const node of this.nodes().sort()) {
      if (state.has(node)) continue;
      const found = visit(node);
      if (found) return found;
    }
    return undefined;
  }

  /** Dependencies first; ties broken by name so output is stable. Throws on a cycle (check `findCycle` first). */
  topologicalOrder(): string[] {
    const cycle = this.findCycle();
    if (cycle) throw new Error(`dependency cycle: ${cycle.join(' -> ')}`);
    const order: string[] = [];
    const done = new Set<string>();
    const visit = (node: string): void => {
      if (done.has(node)) return;
      done.add(node);
      for (const dep of this.dependenciesOf(node)) visit(dep);
      order.push(node);
    };
    for (const node of this.nodes().sort()) visit(node);
    return order;
  }
}
