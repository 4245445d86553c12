import { blockFragmentDelta, isWholeServer, leftoverShare, serverFragmentDelta, type Policy } from '../policy.ts';
import { tiesOf } from '../tie-order.ts';

/** Ties between equal fragment changes go to the fuller server, as in FGD's artefact. */
const TIE_BREAK = 1e-6;

/**
 * Fragmentation gradient descent (USENIX ATC'23), adapted to the topology: put each piece where the
 * expected fragmentation, measured against the workload's typical requests, grows least. Fragmentation
 * counts two kinds of stranded accelerators: free ones in a server that the next single-server request
 * cannot use (FGD's own measure, with HCCS groups deciding what fits), and free ones in a supernode
 * left with too few whole servers for the next gang.
 */
export function fgdPolicy(): Policy {
  return {
    name: 'fgd',
    scoreServer: (ctx, s, take, cpu, mem) => {
      const breaks = isWholeServer(ctx, s) ? 1 : 0;
      let used = 0;
      for (let m = take; m !== 0; m &= m - 1) used++;
      return (
        serverFragmentDelta(ctx, s, take, cpu, mem) +
        blockFragmentDelta(ctx, ctx.topo.serverBlock[s]!, used, breaks) +
        TIE_BREAK * leftoverShare(ctx, s, take, cpu, mem)
      );
    },
    scoreBlock: (ctx, b, servers) => {
      const per = ctx.topo.blockUniformCount[b]! || ctx.topo.typeSpecs[ctx.topo.blockType[b]!]!.acceleratorsPerServer;
      return blockFragmentDelta(ctx, b, servers * per, servers) + TIE_BREAK * (ctx.state.blockFull[b]! - servers);
    },
    pick: (ctx, bucket) => tiesOf(ctx).firstOf(ctx.topo, bucket),
  };
}
