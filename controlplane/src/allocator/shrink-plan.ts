import type { AllocState } from './alloc-state.ts';
import type { Topology } from './topology.ts';

/**
 * Which of an owner's servers to give back when it shrinks by `n`, leaving the fewest fragments: servers
 * that endpoints do not use first (whole, or with instances cut for them: `cutFor` accelerators), then servers in the supernodes where the owner has the fewest
 * (so it leaves whole supernodes and stays compact), then those whose supernode is already the most
 * free (so what is released joins a large free block), highest-numbered first.
 */
export function shrinkOrder(
  topo: Topology,
  state: AllocState,
  parts: ReadonlyMap<number, { mask: number }>,
  n: number,
  cutFor: ReadonlySet<number> = new Set(),
): number[] {
  const servers = [...parts.keys()];
  const ownedPerBlock = new Map<number, number>();
  for (const s of servers) {
    const b = topo.serverBlock[s]!;
    ownedPerBlock.set(b, (ownedPerBlock.get(b) ?? 0) + 1);
  }
  const usedByEndpoint = (s: number) => {
    const base = topo.serverBase[s]!;
    const mask = parts.get(s)!.mask;
    for (let i = 0, m = mask; m !== 0; i++, m >>>= 1) if (m & 1 && (state.subHolder[base + i]! >= 0 || cutFor.has(base + i))) return 1;
    return 0;
  };
  const partial = (s: number) => (parts.get(s)!.mask === topo.layoutOf(s).fullMask ? 1 : 0);
  const key = (s: number) => {
    const b = topo.serverBlock[s]!;
    return [usedByEndpoint(s), partial(s), ownedPerBlock.get(b)!, -state.blockFree[b]!, -s];
  };
  const keyed = servers.map((s) => ({ s, k: key(s) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
    return 0;
  });
  return keyed.slice(0, n).map((x) => x.s);
}
