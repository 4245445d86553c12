// Building blocks the policy variants share: the shipped policies' own scores and the questions they ask of the state.
import { bestFitPolicy } from '../../../controlplane/src/allocator/policies/best-fit.ts';
import { fgdPackPolicy } from '../../../controlplane/src/allocator/policies/fgd-pack.ts';
import type { Policy, ScoreContext } from '../../../controlplane/src/allocator/policy.ts';

export type ScoreServer = Policy['scoreServer'];
export type ScoreBlock = Policy['scoreBlock'];

const bestFit = bestFitPolicy();

/** Best-fit's piece score: the server left with the least free. */
export const bestFitServer: ScoreServer = bestFit.scoreServer;

/** Block best-fit: the supernode with the fewest whole servers to spare. */
export const bestFitBlock: ScoreBlock = bestFit.scoreBlock;

/** The piece score of the policy a variant builds on. */
export function piecesOf(base: 'best-fit' | 'fgd-pack'): ScoreServer {
  return base === 'best-fit' ? bestFitServer : fgdPackPolicy().scoreServer;
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
  return { ...bestFit, ...parts };
}
