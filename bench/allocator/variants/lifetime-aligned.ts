// An oracle, not a policy a cloud could run: it is told how long each request will hold its accelerators.
import { isWholeServer, type Policy } from '../../../controlplane/src/allocator/policy.ts';
import type { Topology } from '../../../controlplane/src/allocator/topology.ts';
import { bestFitBlock, bestFitServer, variantPolicy } from './shared.ts';

/**
 * What the benchmark tells a lifetime-aware variant: each arrival's time and end, where it was placed,
 * and each departure. The dynamic run calls it; the variant reads `extension`.
 */
export class LifetimeOracle {
  private now = 0;
  private endsAt = 0;
  private readonly residents: Map<string, number>[];
  private readonly blocksOf = new Map<string, number[]>();
  private readonly blockOfName = new Map<string, number>();

  constructor(topo: Topology) {
    this.residents = Array.from({ length: topo.blockCount }, () => new Map());
    topo.blockName.forEach((name, b) => name !== null && this.blockOfName.set(name, b));
  }

  arrive(now: number, endsAt: number): void {
    this.now = now;
    this.endsAt = endsAt;
  }

  /** `supernodes`: the placement's supernode names, as a holding lists them. */
  placed(owner: string, supernodes: readonly string[]): void {
    const blocks = supernodes.map((name) => this.blockOfName.get(name)!);
    this.blocksOf.set(owner, blocks);
    for (const b of blocks) this.residents[b]!.set(owner, this.endsAt);
  }

  departed(owner: string): void {
    for (const b of this.blocksOf.get(owner) ?? []) this.residents[b]!.delete(owner);
    this.blocksOf.delete(owner);
  }

  /** How far the arriving request would push back the last departure from block `b`. */
  extension(b: number): number {
    let last = this.now;
    for (const end of this.residents[b]!.values()) if (end > last) last = end;
    return Math.max(0, this.endsAt - last);
  }
}

/**
 * Work goes where it extends the supernode's last departure least (weighted by `weight` whole servers
 * per unit of time), best-fit after that; with `pieces` false only gangs look at lifetimes.
 */
export function lifetimeAligned(oracle: LifetimeOracle, weight: number, pieces: boolean): Policy {
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) => {
      const fit = bestFitServer(ctx, s, take, cpu, mem, 1);
      if (!pieces || !isWholeServer(ctx, s)) return fit;
      const b = ctx.topo.serverBlock[s]!;
      return fit + 1e-3 * b + weight * oracle.extension(b);
    },
    scoreBlock: (ctx, b, servers) => bestFitBlock(ctx, b, servers) + weight * oracle.extension(b),
  });
}
