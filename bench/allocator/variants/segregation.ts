// Keep kinds of work apart across supernodes: by gang size, or by how long the work lives (its scope).
import type { Policy } from '../../../controlplane/src/allocator/policy.ts';
import { bestFitBlock, bestFitServer, variantPolicy } from './shared.ts';

/** Where block `b` sits from the lowest (0) to the highest (1) supernode. */
const position = (blocks: number, b: number) => (blocks > 1 ? b / (blocks - 1) : 0);

/**
 * Gangs of at least `split` servers lean to high-numbered supernodes, smaller ones to low ones (where
 * pieces are packed); with `smooth`, each gang leans to a position proportional to its size instead.
 * `strength` is the lean in whole servers of best-fit's score.
 */
export function sizeSegregation(strength: number, smooth: boolean, split = 20, largest = 40): Policy {
  return variantPolicy({
    scoreServer: bestFitServer,
    scoreBlock: (ctx, b, servers) => {
      const pos = position(ctx.topo.blockCount, b);
      const lean = smooth ? Math.abs(pos - Math.min(1, servers / largest)) : servers >= split ? 1 - pos : pos;
      return bestFitBlock(ctx, b, servers) + strength * lean;
    },
  });
}

/**
 * Long-lived spreading clusters (endpoints) take supernodes in order from the lowest, where pieces are
 * packed; one-supernode gangs lean to the highest by `strength` servers (`undefined`: first-fit from the top).
 * With `endpointsBestFit` the clusters keep best-fit and only the gangs lean.
 */
export function lifetimeSegregation(strength: number | undefined, endpointsBestFit = false): Policy {
  return variantPolicy({
    scoreServer: bestFitServer,
    scoreBlock: (ctx, b, servers) => {
      const top = 1 - position(ctx.topo.blockCount, b);
      if (ctx.scope === 'supernode') return strength === undefined ? top : bestFitBlock(ctx, b, servers) + strength * top;
      return endpointsBestFit ? bestFitBlock(ctx, b, servers) : b;
    },
  });
}
