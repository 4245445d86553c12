import { leftoverShare, serverFragmentDelta, type Policy } from '../policy.ts';

const BREAK_PENALTY = 1e-3;
const TIE_BREAK = 1e-6;

/**
 * FGD inside servers, packing across supernodes. A piece goes where FGD's server-level fragmentation
 * grows least (HCCS groups decide what fits); when that means breaking a whole server, it breaks one in
 * the supernode with the fewest whole servers left, so that untouched supernodes stay whole for gangs.
 * Gangs take the supernode with the fewest whole servers to spare (Slurm's block best-fit).
 *
 * The benchmark showed why the supernode side is packing rather than FGD's gradient: FGD's block term
 * is myopic, so breaking a server in an untouched supernode looks free until that supernode drops below
 * the largest gang, and small pieces end up scattered over every supernode.
 */
export function fgdPackPolicy(): Policy {
  return {
    name: 'fgd-pack',
    scoreServer: (ctx, s, take, cpu, mem) => {
      const { topo, state } = ctx;
      let score = serverFragmentDelta(ctx, s, take, cpu, mem) + TIE_BREAK * leftoverShare(ctx, s, take, cpu, mem);
      if (state.usable[s] === topo.layoutOf(s).fullMask) {
        const b = topo.serverBlock[s]!;
        score += BREAK_PENALTY * (1 + state.blockFull[b]! / (topo.blockEnd[b]! - topo.blockStart[b]!));
      }
      return score;
    },
    scoreBlock: (ctx, b, servers) => ctx.state.blockFull[b]! - servers,
    pick: (_ctx, bucket) => bucket[0]!,
  };
}
