// Gang placement that looks past the next request: FGD's block term, room for the next K gangs, sum of squares.
import { isWholeServer, type Policy, type ScoreContext } from '../../../controlplane/src/allocator/policy.ts';
import { bestFitBlock, bestFitServer, gangSizeOdds, variantPolicy } from './shared.ts';

/** Whole servers stranded for the learned gang sizes (f * P(gang > f)) grow least; best-fit pieces. */
export function fgdForGangs(): Policy {
  return variantPolicy({
    scoreServer: bestFitServer,
    scoreBlock: (ctx, b, servers) => {
      const above = ctx.tables.pGangAbove;
      const f = ctx.state.blockFull[b]!;
      const left = f - servers;
      return left * above[left]! - f * above[f]! + 1e-6 * left;
    },
  });
}

/**
 * What a block losing `d` whole servers costs in room for the next `k` gangs of each learned size
 * (how many of size g still fit anywhere, capped at k), weighted by size when `bySize`.
 */
function roomLost(ctx: ScoreContext, b: number, d: number, k: number, bySize: boolean): number {
  const odds = gangSizeOdds(ctx);
  const full = ctx.state.blockFull;
  let lost = 0;
  for (let g = 1; g < odds.length; g++) {
    if (!odds[g]) continue;
    let fit = 0;
    for (let i = 0; i < ctx.topo.blockCount; i++) fit += Math.floor(full[i]! / g);
    const after = fit - Math.floor(full[b]! / g) + Math.floor((full[b]! - d) / g);
    lost += odds[g]! * (bySize ? g : 1) * (Math.min(fit, k) - Math.min(after, k));
  }
  return lost;
}

/** Pieces and gangs both go where the least room for the next `k` gangs of each size is lost. */
export function capacityLookAhead(k: number, bySize = true): Policy {
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) =>
      1e-6 * bestFitServer(ctx, s, take, cpu, mem, 1) + (isWholeServer(ctx, s) ? roomLost(ctx, ctx.topo.serverBlock[s]!, 1, k, bySize) : 0),
    scoreBlock: (ctx, b, servers) => roomLost(ctx, b, servers, k, bySize) + 1e-6 * bestFitBlock(ctx, b, servers),
  });
}

/** Change of the sum over hole sizes h of (supernodes with exactly h whole servers)^2, untouched and full ones left out. */
function squaresDelta(ctx: ScoreContext, b: number, d: number): number {
  const full = ctx.state.blockFull;
  const size = ctx.topo.blockEnd[b]! - ctx.topo.blockStart[b]!;
  const before = full[b]!;
  const after = before - d;
  let nBefore = 0;
  let nAfter = 0;
  for (let i = 0; i < ctx.topo.blockCount; i++) {
    if (full[i] === before) nBefore++;
    if (full[i] === after) nAfter++;
  }
  const counted = (h: number) => h > 0 && h < size;
  return (counted(before) ? 1 - 2 * nBefore : 0) + (counted(after) ? 2 * nAfter + 1 : 0);
}

/** Csirik et al.'s sum-of-squares rule over supernode holes, for gangs and (with `pieces`) broken servers. */
export function sumOfSquares(pieces: boolean): Policy {
  return variantPolicy({
    scoreServer: (ctx, s, take, cpu, mem) => {
      const fit = bestFitServer(ctx, s, take, cpu, mem, 1);
      if (!pieces) return fit;
      if (!isWholeServer(ctx, s)) return 1e-6 * fit;
      const block = ctx.topo.serverBlock[s]!;
      return 1e-6 * fit + 1e3 + squaresDelta(ctx, block, 1) + 1e-3 * block;
    },
    scoreBlock: (ctx, b, servers) => squaresDelta(ctx, b, servers) + 1e-3 * bestFitBlock(ctx, b, servers),
  });
}
