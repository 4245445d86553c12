// Variants that change only an order: spreading clusters by supernode number, gang ties to the top.
import { isWholeServer, leftoverShare, serverFragmentDelta, type Policy } from '../../../controlplane/src/allocator/policy.ts';
import { bestFitBlock, bestFitServer, piecesOf, variantPolicy } from './shared.ts';

/** Spreading clusters (endpoints) take supernodes in a fixed order instead of the fewest whole servers first. */
export function spreadInOrder(base: 'best-fit' | 'fgd-pack'): Policy {
  return variantPolicy({ scoreServer: piecesOf(base), scoreBlock: (ctx, b, servers) => (ctx.scope === 'spread' ? b : bestFitBlock(ctx, b, servers)) });
}

/** Block best-fit with ties to the highest-numbered supernode, away from where pieces are packed. */
export function gangTiesHigh(): Policy {
  return variantPolicy({ scoreServer: bestFitServer, scoreBlock: (ctx, b, servers) => bestFitBlock(ctx, b, servers) + 1e-3 * (ctx.topo.blockCount - b) });
}

/** fgd-pack as it was: FGD pieces, and a whole server broken in the supernode with the fewest whole servers left. */
export function previousFgdPack(): Policy {
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) => {
      let score = serverFragmentDelta(ctx, s, take, cpu, mem) + 1e-6 * leftoverShare(ctx, s, take, cpu, mem);
      if (isWholeServer(ctx, s)) {
        const b = ctx.topo.serverBlock[s]!;
        score += 1e-3 * (1 + ctx.state.blockFull[b]! / (ctx.topo.blockEnd[b]! - ctx.topo.blockStart[b]!));
      }
      return score;
    },
    scoreBlock: bestFitBlock,
  });
}
