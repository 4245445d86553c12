import { isWholeServer, leftoverShare, serverFragmentDelta, type Policy } from '../policy.ts';
import { tiesOf } from '../tie-order.ts';

/** Above any change of FGD's measure (at most the accelerators of one server), so it decides first. */
const WHOLE_SERVER_COST = 1e3;
const TIE_BREAK = 1e-6;

/**
 * FGD inside servers, a fixed packing order across supernodes. A piece goes where FGD's server-level
 * fragmentation grows least (HCCS groups decide what fits). When the workload has gangs, a whole
 * server is broken only if no partly used server can take the piece, because gangs can use nothing
 * else; then it is the lowest-numbered supernode's, like best-fit's ties. Gangs take the supernode
 * with the fewest whole servers to spare (Slurm's block best-fit).
 *
 * The benchmark chose the fixed order over chasing the supernode with the fewest whole servers: a fixed
 * order keeps small pieces in the same few supernodes while departures come and go, so the others
 * drain back to whole; a moving target scatters them (0.4 points of NPU demand lost in mode B).
 *
 * `fgd-pack-cpu` (opt-in) places every piece with accelerators as `fgd-pack` does; it differs for
 * pieces that take only host CPU and memory, whose measure also counts the free accelerators left
 * without the CPU to use them (`hostOnlyMeasure`). The allocator itself places no such pieces (a
 * host reservation names its server), so today the difference shows where a caller ranks them.
 */
export function fgdPackPolicy(name: 'fgd-pack' | 'fgd-pack-cpu' = 'fgd-pack'): Policy {
  return {
    name,
    scoreServer: (ctx, s, take, cpu, mem) => {
      let score = serverFragmentDelta(ctx, s, take, cpu, mem) + TIE_BREAK * leftoverShare(ctx, s, take, cpu, mem);
      if (ctx.tables.pGangAbove[0]! > 0 && isWholeServer(ctx, s)) score += WHOLE_SERVER_COST;
      return score;
    },
    scoreBlock: (ctx, b, servers) => ctx.state.blockFull[b]! - servers,
    blockScoreIsFreeServers: true,
    pick: (ctx, bucket) => tiesOf(ctx).firstOf(ctx.topo, bucket),
  };
}
