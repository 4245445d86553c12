// Building blocks the policy variants share: best-fit's two scores and the questions they ask of the state.
import { leftoverShare, type Policy, type ScoreContext } from '../../../controlplane/src/allocator/policy.ts';

export type ScoreServer = Policy['scoreServer'];
export type ScoreBlock = Policy['scoreBlock'];

/** Best-fit's piece score: the server left with the least free. */
export const bestFitServer: ScoreServer = (ctx, s, take, cpu, mem) => leftoverShare(ctx, s, take, cpu, mem);

/** Block best-fit: the supernode with the fewest whole servers to spare. */
export const bestFitBlock: ScoreBlock = (ctx, b, servers) => ctx.state.blockFull[b]! - servers;

export const firstOfBucket: Policy['pick'] = (_ctx, bucket) => bucket[0]!;

/** Whether placing on server `s` breaks a wholly free server. */
export function breaksWhole(ctx: ScoreContext, s: number): boolean {
  return ctx.state.usable[s] === ctx.topo.layoutOf(s).fullMask;
}

/** The `k` blocks with the most whole free servers (ties to the lower index). */
export function largestHoles(ctx: ScoreContext, k: number): Set<number> {
  const blocks = Array.from({ length: ctx.topo.blockCount }, (_, b) => b);
  blocks.sort((x, y) => ctx.state.blockFull[y]! - ctx.state.blockFull[x]! || x - y);
  return new Set(blocks.slice(0, k));
}

/** P(next gang needs exactly g whole servers) for g >= 1, from the learned profile. */
export function gangSizeOdds(ctx: ScoreContext): number[] {
  const above = ctx.tables.pGangAbove;
  const odds: number[] = [0];
  for (let g = 1; g < above.length; g++) odds.push(above[g - 1]! - above[g]!);
  return odds;
}

/** A variant is a policy under a name of its own; the allocator accepts any implementation. */
export function variantPolicy(parts: Pick<Policy, 'scoreServer' | 'scoreBlock'> & Partial<Pick<Policy, 'pick'>>): Policy {
  // The name only labels the policy's own output; variants are told apart by the benchmark's names.
  return { name: 'best-fit', pick: firstOfBucket, ...parts };
}
