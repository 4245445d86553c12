import { leftoverShare, type Policy } from '../policy.ts';
import { tiesOf } from '../tie-order.ts';

/**
 * The server left with the least free after the piece, and for gangs the block with the fewest whole
 * servers to spare (Slurm's block best-fit).
 */
export function bestFitPolicy(): Policy {
  return {
    name: 'best-fit',
    scoreServer: (ctx, s, take, cpu, mem) => leftoverShare(ctx, s, take, cpu, mem),
    scoreBlock: (ctx, b, servers) => ctx.state.blockFull[b]! - servers,
    blockScoreIsFreeServers: true,
    pick: (ctx, bucket) => tiesOf(ctx).firstOf(ctx.topo, bucket),
  };
}
