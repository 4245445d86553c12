import { chooseBlock } from './choose-block.ts';
import { chooseServer } from './choose-server.ts';
import type { EngineContext, Need, Part } from './engine-types.ts';
import type { Topology } from './topology.ts';
import { spanBlocks } from './span-blocks.ts';

/** Candidate blocks by topology and need shape: the topology never changes, and a zone may have thousands of blocks. */
const candidatesByTopology = new WeakMap<Topology, Map<string, readonly number[]>>();

/** The candidate blocks of a need: its type in its zones, narrowed for growth and gang shapes. */
export function candidateBlocks(ctx: EngineContext, need: Need): readonly number[] {
  if (need.onlyBlocks) return findCandidates(ctx.topo, need);
  let byShape = candidatesByTopology.get(ctx.topo);
  if (!byShape) candidatesByTopology.set(ctx.topo, (byShape = new Map()));
  const key = `${need.type}|${need.zones.join(',')}|${need.scope === 'supernode'}|${need.whole > 0 && need.countsAccelerators}`;
  let found = byShape.get(key);
  if (!found) byShape.set(key, (found = Object.freeze(findCandidates(ctx.topo, need))));
  return found;
}

function findCandidates(topo: Topology, need: Need): number[] {
  const per = topo.layouts[topo.typeLayout[need.type]!]!.count;
  const out: number[] = [];
  for (const z of need.zones) {
    for (const b of topo.zoneBlocks[z]!.get(need.type) ?? []) {
      if (need.onlyBlocks && !need.onlyBlocks.has(b)) continue;
      if (need.scope === 'supernode' && !topo.blockIsSupernode[b]) continue;
      // Whole servers counted in accelerators must have the type's usual size.
      if (need.whole > 0 && need.countsAccelerators && topo.blockUniformCount[b] !== per) continue;
      out.push(b);
    }
  }
  return out;
}

/** Where a need goes under the context's policy, or undefined when the free capacity cannot host it. */
export function decide(ctx: EngineContext, need: Need): Part[] | undefined {
  const { topo, state } = ctx;
  const blocks = candidateBlocks(ctx, need);
  const { whole, piece, cpu, mem } = need;
  if (whole === 0) {
    const choice = chooseServer(ctx, blocks, piece, cpu, mem);
    return choice ? [{ server: choice.server, mask: choice.take, cpu, mem }] : undefined;
  }
  if (need.scope === 'server' || need.scope === 'supernode') return chooseBlock(ctx, blocks, whole, piece, cpu, mem);
  const held = need.heldPerBlock;
  if (need.scope === 'zone') {
    // Fewest supernodes first: one block if any can take it all (the owner's own blocks first).
    if (held && held.size > 0) {
      const own = chooseBlock(
        ctx,
        blocks.filter((b) => held.has(b)),
        whole,
        piece,
        cpu,
        mem,
      );
      if (own) return own;
    }
    const one = chooseBlock(ctx, blocks, whole, piece, cpu, mem);
    if (one) return one;
  }
  const zones = [...new Set(blocks.map((b) => topo.blockZone[b]!))];
  const zoneFree = (z: number) => blocks.filter((b) => topo.blockZone[b] === z).reduce((a, b) => a + state.blockFull[b]!, 0);
  zones.sort((a, b) => zoneFree(b) - zoneFree(a) || a - b);
  for (const z of zones) {
    const inZone = blocks.filter((b) => topo.blockZone[b] === z);
    const parts = spanBlocks(ctx, inZone, whole, piece, cpu, mem, need.scope === 'spread' ? 'even' : 'fewest', held);
    if (parts) return parts;
  }
  return undefined;
}
