import type { EngineContext } from './engine-types.ts';
import type { FreeBlock } from './types.ts';

/** The largest single-server piece free in a block, and a server that has it. */
export function largestPiece(ctx: Pick<EngineContext, 'topo' | 'state'>, b: number): { size: number; server: number } {
  const { topo, state } = ctx;
  let size = 0;
  let server = -1;
  for (const key of topo.blockKeys[b]!) {
    const list = state.buckets[b]![key]!;
    if (list.length === 0 || topo.keyLargest[key]! <= size) continue;
    size = topo.keyLargest[key]!;
    server = list[0]!;
  }
  return { size, server };
}

/** Whole free servers' accelerators in a block, and the largest piece on a server that is not whole. */
function wholeAndPartial(ctx: Pick<EngineContext, 'topo' | 'state'>, b: number): { whole: number; partial: number } {
  const { topo, state } = ctx;
  let whole = 0;
  let partial = 0;
  for (const key of topo.blockKeys[b]!) {
    const list = state.buckets[b]![key]!;
    if (list.length === 0) continue;
    if (topo.keyIsFull[key]) whole += list.length * topo.keyFree[key]!;
    else partial = Math.max(partial, topo.keyLargest[key]!);
  }
  return { whole, partial };
}

/** What one `supernode`-scoped request could get in block `b`. */
export function blockLargest(ctx: Pick<EngineContext, 'topo' | 'state'>, b: number): number {
  const { whole, partial } = wholeAndPartial(ctx, b);
  return whole + partial;
}

/**
 * The largest free block for a scope, over the given blocks: a server's piece for `server`, a supernode
 * for `supernode`, a zone (whole servers of all its blocks plus one piece) for `zone` and `spread`.
 */
export function largestFreeBlock(
  ctx: Pick<EngineContext, 'topo' | 'state'>,
  blocks: readonly number[],
  scope: 'server' | 'supernode' | 'zone',
  qualifyZone: boolean,
): FreeBlock {
  const { topo } = ctx;
  const zoneOf = (b: number) => topo.zoneNames[topo.blockZone[b]!]!;
  const suffix = (b: number) => (qualifyZone ? ` of ${zoneOf(b)}` : '');
  let best: FreeBlock = { accelerators: 0, where: '' };
  if (scope === 'server') {
    for (const b of blocks) {
      const { size, server } = largestPiece(ctx, b);
      if (size > best.accelerators) best = { accelerators: size, where: `${topo.serverName[server]}${suffix(b)}` };
    }
  } else if (scope === 'supernode') {
    for (const b of blocks) {
      const n = blockLargest(ctx, b);
      if (n > best.accelerators) best = { accelerators: n, where: `${topo.blockLabel(b)}${topo.blockName[b] ? suffix(b) : ''}` };
    }
  } else {
    const perZone = new Map<number, { whole: number; partial: number }>();
    for (const b of blocks) {
      const z = topo.blockZone[b]!;
      const acc = perZone.get(z) ?? { whole: 0, partial: 0 };
      const wp = wholeAndPartial(ctx, b);
      acc.whole += wp.whole;
      acc.partial = Math.max(acc.partial, wp.partial);
      perZone.set(z, acc);
    }
    for (const [z, { whole, partial }] of perZone) {
      if (whole + partial > best.accelerators) best = { accelerators: whole + partial, where: topo.zoneNames[z]! };
    }
  }
  return best;
}

export function describeFreeBlock(block: FreeBlock): string {
  return block.accelerators === 0 ? 'largest free block: none' : `largest free block: ${block.accelerators} in ${block.where}`;
}
