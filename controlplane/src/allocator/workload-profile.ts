import type { Topology } from './topology.ts';

/** One kind of request the workload makes, and how often (FGD's "typical pods", plus gangs). */
export interface RequestClass {
  /** Accelerators in one server, for single-server requests; 0 for gangs. */
  size: number;
  /** Whole servers in one block, for gangs; 0 for single-server requests. */
  servers: number;
  cpuMilli: number;
  memoryMib: number;
  weight: number;
}

/** The profile compiled into lookup tables for one accelerator type. */
export interface ProfileTables {
  version: number;
  small: { size: number; cpu: number; mem: number; p: number }[];
  /** Per global state key: expected free accelerators that the next single-server request cannot use. */
  serverFrag: Float64Array;
  /** Whether host CPU or memory take part; then `serverFrag` is not enough and servers are scored one by one. */
  hostAware: boolean;
  /** pGangAbove[f]: probability that the next request is a gang needing more than f whole servers. */
  pGangAbove: Float64Array;
}

const MAX_SMALL_CLASSES = 64;
const MAX_GANG_CLASSES = 24;

/**
 * What the workload of each accelerator type looks like, learned from the requests the allocator sees.
 * Fragmentation-aware policies measure fragmentation against it, as FGD measures it against the
 * trace's typical pods. Tables are rebuilt only when the profile has moved by a few percent, so learning
 * costs nothing per decision.
 */
export class WorkloadProfile {
  private readonly topo: Topology;
  private readonly counts: Map<string, RequestClass>[] = [];
  private readonly totals: number[] = [];
  private readonly compiled: (ProfileTables | undefined)[] = [];
  private readonly compiledAt: number[] = [];
  private version = 0;

  constructor(topo: Topology) {
    this.topo = topo;
    for (let t = 0; t < topo.typeNames.length; t++) {
      this.counts.push(new Map());
      this.totals.push(0);
      this.compiled.push(undefined);
      this.compiledAt.push(-1);
    }
  }

  /** Adds observations; `weight` lets a caller seed the profile with a known distribution. */
  observe(type: number, cls: Omit<RequestClass, 'weight'>, weight = 1): void {
    const key = `${cls.size}|${cls.servers}|${cls.cpuMilli}|${cls.memoryMib}`;
    const map = this.counts[type]!;
    const entry = map.get(key);
    if (entry) entry.weight += weight;
    else map.set(key, { ...cls, weight });
    this.totals[type] = this.totals[type]! + weight;
  }

  classes(type: number): RequestClass[] {
    return [...this.counts[type]!.values()].map((c) => ({ ...c }));
  }

  tables(type: number): ProfileTables {
    const total = this.totals[type]!;
    const at = this.compiledAt[type]!;
    const cached = this.compiled[type];
    if (cached && (total === at || total < at * 1.02 + 16)) return cached;
    const tables = this.compile(type);
    this.compiled[type] = tables;
    this.compiledAt[type] = total;
    return tables;
  }

  private compile(type: number): ProfileTables {
    const topo = this.topo;
    let classes = [...this.counts[type]!.values()];
    if (classes.length === 0) {
      // Before any request is seen, assume the sizes a server is usually split into.
      const per = topo.typeSpecs[type]!.acceleratorsPerServer;
      classes = [1, 2, 4, 8].filter((k) => k <= per).map((size) => ({ size, servers: 0, cpuMilli: 0, memoryMib: 0, weight: 1 }));
    }
    const per = topo.typeSpecs[type]!.acceleratorsPerServer;
    // Keep the classes that carry the most demand, so rare large requests are not cut off.
    const demand = (c: RequestClass) => c.weight * (c.servers > 0 ? c.servers * per : c.size);
    const small = classes
      .filter((c) => c.servers === 0)
      .sort((a, b) => demand(b) - demand(a))
      .slice(0, MAX_SMALL_CLASSES);
    const gangs = classes
      .filter((c) => c.servers > 0)
      .sort((a, b) => demand(b) - demand(a))
      .slice(0, MAX_GANG_CLASSES);
    // Popularity weights, as FGD's typical pods: how often a request comes, not how big it is.
    const w = (c: RequestClass) => c.weight;
    const sum = [...small, ...gangs].reduce((a, c) => a + w(c), 0) || 1;
    const smallP = small.map((c) => ({ size: c.size, cpu: c.cpuMilli, mem: c.memoryMib, p: w(c) / sum }));
    const hostAware = topo.tracksHostResources && smallP.some((c) => c.cpu > 0 || c.mem > 0);

    const serverFrag = new Float64Array(topo.totalKeys);
    for (const layout of topo.layouts) {
      const base = topo.layoutKeyBase[layout.id]!;
      for (let key = 0; key < layout.keyCount; key++) {
        const free = layout.freeOfKey[key]!;
        let frag = 0;
        for (const c of smallP) {
          const fits = c.size <= 32 && (layout.hostableOfKey[key]! & (1 << (c.size - 1))) !== 0;
          if (!fits) frag += c.p * free;
        }
        serverFrag[base + key] = frag;
      }
    }
    let maxServers = 0;
    for (let b = 0; b < topo.blockCount; b++) maxServers = Math.max(maxServers, topo.blockEnd[b]! - topo.blockStart[b]!);
    const pGangAbove = new Float64Array(maxServers + 2);
    for (let f = 0; f <= maxServers + 1; f++) {
      let p = 0;
      for (const g of gangs) if (g.servers > f) p += w(g) / sum;
      pGangAbove[f] = p;
    }
    this.version++;
    return { version: this.version, small: smallP, serverFrag, hostAware, pGangAbove };
  }
}
