import type { Topology } from './topology.ts';

/** The golden ratio's fraction: successive multiples spread evenly over [0, 1) for any count of instances. */
const SPREAD = 0.6180339887498949;

/**
 * Which of two equally scored candidates wins. Instance 0 (one control plane alone, the embedded
 * cloud, every test that sets nothing) keeps the index order: lower block, lower server first.
 * Instances of one database get numbers as they open; each rotates the order of blocks by its own
 * offset and orders the servers inside every block by its own shuffle, so instances deciding in the
 * same state pick different supernodes and servers instead of all racing for the first one (and
 * losing at commit). A rotation of the servers would do only until one instance's run reached
 * another's: from there both take the same next free server, in a simulation of three instances
 * each deciding without the last two placements of the others, 12 % of picks lost against 6 % with
 * a shuffle.
 */
export class TieOrder {
  /** The order of a control plane alone. */
  static readonly INDEX = new TieOrder(0);

  private readonly fraction: number;

  constructor(readonly instance: number) {
    this.fraction = (instance * SPREAD) % 1;
  }

  /** Whether this is the plain index order (then callers may keep their cheaper paths). */
  get isIndexOrder(): boolean {
    return this.instance === 0;
  }

  /** Block `a` before block `b` among equals. */
  blockBefore(topo: Topology, a: number, b: number): boolean {
    if (this.instance === 0) return a < b;
    return this.blockRank(topo, a) < this.blockRank(topo, b);
  }

  /** Server `s` before server `t` among equals: by block first, then by the rotated place in the block. */
  serverBefore(topo: Topology, s: number, t: number): boolean {
    if (this.instance === 0) return s < t;
    const bs = topo.serverBlock[s]!;
    const bt = topo.serverBlock[t]!;
    if (bs !== bt) return this.blockRank(topo, bs) < this.blockRank(topo, bt);
    const hs = this.shuffled(s);
    const ht = this.shuffled(t);
    return hs < ht || (hs === ht && s < t);
  }

  /** The first of interchangeable servers in this order; `list[0]` for instance 0, as before. */
  firstOf(topo: Topology, list: readonly number[]): number {
    let first = list[0]!;
    if (this.instance === 0) return first;
    for (const s of list) if (this.serverBefore(topo, s, first)) first = s;
    return first;
  }

  /** Servers sorted in this order (in place). */
  sortServers(topo: Topology, servers: number[]): number[] {
    if (this.instance === 0) return servers.sort((x, y) => x - y);
    return servers.sort((x, y) => (this.serverBefore(topo, x, y) ? -1 : this.serverBefore(topo, y, x) ? 1 : 0));
  }

  private blockRank(topo: Topology, b: number): number {
    const n = topo.blockStart.length;
    return (b + n - Math.floor(this.fraction * n)) % n;
  }

  /** Server `s`'s place in this instance's shuffle of every block (a hash of the two numbers). */
  private shuffled(s: number): number {
    let h = Math.imul(this.instance, 0x9e3779b1) ^ Math.imul(s + 1, 0x85ebca6b);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x846ca68b);
    h ^= h >>> 16;
    return h >>> 0;
  }
}

/** The tie order of a context that may carry none (benchmarks and tests build contexts by hand). */
export function tiesOf(ctx: { readonly ties?: TieOrder }): TieOrder {
  return ctx.ties ?? TieOrder.INDEX;
}
