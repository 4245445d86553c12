import { chooseServer } from './choose-server.ts';
import { wholeServers } from './choose-block.ts';
import type { EngineContext, Part } from './engine-types.ts';

/**
 * Whole servers over several blocks of one zone, for `zone` (fewest blocks: the fullest blocks first,
 * the owner's own blocks before others) and `spread` (evenly: always the block where the owner has the
 * fewest servers so far, for failure isolation).
 */
export function spanBlocks(
  ctx: EngineContext,
  blocks: readonly number[],
  whole: number,
  piece: number,
  cpu: number,
  mem: number,
  mode: 'fewest' | 'even',
  held: ReadonlyMap<number, number> = new Map(),
): Part[] | undefined {
  const { topo, state } = ctx;
  const parts: Part[] = [];
  const exclude = new Set<number>();
  if (piece > 0) {
    const choice = chooseServer(ctx, blocks, piece, cpu, mem);
    if (!choice) return undefined;
    parts.push({ server: choice.server, mask: choice.take, cpu, mem });
    exclude.add(choice.server);
  }
  if (whole === 0) return parts;
  const available = new Map<number, number[]>();
  let total = 0;
  for (const b of blocks) {
    if (state.blockFull[b]! === 0) continue;
    const servers = wholeServers(ctx, b, topo.blockEnd[b]! - topo.blockStart[b]!, exclude, cpu, mem);
    if (servers.length === 0) continue;
    available.set(b, servers);
    total += servers.length;
  }
  if (total < whole) return undefined;
  const taken = new Map<number, number>();
  if (mode === 'fewest') {
    // Take whole blocks, fullest first, until one block can finish the rest; finish in the block
    // that fits it most tightly. Same number of blocks as pure greedy, fewer broken blocks.
    const unused = new Set(available.keys());
    const own = (b: number) => (held.has(b) ? 0 : 1);
    let left = whole;
    while (left > 0) {
      let finish = -1;
      for (const b of unused) {
        const n = available.get(b)!.length;
        if (n < left) continue;
        if (
          finish < 0 ||
          own(b) < own(finish) ||
          (own(b) === own(finish) && (n < available.get(finish)!.length || (n === available.get(finish)!.length && b < finish)))
        )
          finish = b;
      }
      if (finish >= 0) {
        taken.set(finish, left);
        break;
      }
      let largest = -1;
      for (const b of unused) {
        const n = available.get(b)!.length;
        if (
          largest < 0 ||
          own(b) < own(largest) ||
          (own(b) === own(largest) && (n > available.get(largest)!.length || (n === available.get(largest)!.length && b < largest)))
        )
          largest = b;
      }
      taken.set(largest, available.get(largest)!.length);
      left -= available.get(largest)!.length;
      unused.delete(largest);
    }
  } else {
    // Among blocks where the owner is equally thin, the policy says which to take a server from.
    const level = new Map<number, number>();
    const preference = new Map<number, number>();
    for (const b of available.keys()) {
      level.set(b, held.get(b) ?? 0);
      preference.set(b, ctx.policy.scoreBlock(ctx, b, 1));
    }
    for (let left = whole; left > 0; left--) {
      let pick = -1;
      for (const [b, servers] of available) {
        if ((taken.get(b) ?? 0) >= servers.length) continue;
        if (
          pick < 0 ||
          level.get(b)! < level.get(pick)! ||
          (level.get(b) === level.get(pick) && (preference.get(b)! < preference.get(pick)! || (preference.get(b) === preference.get(pick) && b < pick)))
        )
          pick = b;
      }
      taken.set(pick, (taken.get(pick) ?? 0) + 1);
      level.set(pick, level.get(pick)! + 1);
    }
  }
  for (const [b, n] of taken) {
    for (const s of available.get(b)!.slice(0, n)) parts.push({ server: s, mask: topo.layoutOf(s).fullMask, cpu, mem });
  }
  return parts;
}
