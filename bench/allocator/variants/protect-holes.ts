// Keep whole servers in the supernodes with the largest holes: pieces break them only where nothing else can.
import { isWholeServer, type Policy } from '../../../controlplane/src/allocator/policy.ts';
import { bestFitBlock, bestFitServer, largestHoles, piecesOf, variantPolicy } from './shared.ts';

const PROTECTED = 1e4;

/** Best-fit or fgd-pack pieces, but a whole server in one of the `k` largest holes is broken last. */
export function protectLargestHoles(k: number, base: 'best-fit' | 'fgd-pack'): Policy {
  const piece = piecesOf(base);
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) =>
      piece(ctx, s, take, cpu, mem, 1) + (isWholeServer(ctx, s) && largestHoles(ctx, k).has(ctx.topo.serverBlock[s]!) ? PROTECTED : 0),
    scoreBlock: bestFitBlock,
  });
}

/** Best-fit, but whole servers of a supernode with at least `threshold` of them are broken last. */
export function protectBigHoles(threshold: number): Policy {
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) =>
      bestFitServer(ctx, s, take, cpu, mem, 1) + (isWholeServer(ctx, s) && ctx.state.blockFull[ctx.topo.serverBlock[s]!]! >= threshold ? PROTECTED : 0),
    scoreBlock: bestFitBlock,
  });
}
