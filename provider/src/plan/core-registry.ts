import { BILLED_KINDS, splitFieldPath, acceleratorsHeld, diffResource, hourlyCost, isKind, kindInfo, type Kind } from '../../../core/index.ts';
import { addressOf } from './stack-labels.ts';
import type { PlanRegistry } from './plan-registry.ts';

/** The planner's view of the real core: every decision delegated, nothing re-implemented. */
export function coreRegistry(): PlanRegistry {
  return {
    diffResource: (kind, oldInputs, newInputs, context) => diffResource(asKind(kind), oldInputs, newInputs, context),
    hourlyCost: (kind, inputs, ctx) => hourlyCost(asKind(kind), inputs, ctx),
    billed: (kind) => BILLED_KINDS.includes(asKind(kind)),
    // Only clusters take accelerators from free capacity; endpoints run inside their cluster's.
    acceleratorCount: (kind, inputs) => (kind === 'Cluster' ? acceleratorsHeld('Cluster', inputs) : 0),
    referencesOf: (kind, inputs) => {
      if (!isKind(kind)) return [];
      const out: string[] = [];
      for (const ref of kindInfo(kind).references) {
        let node: unknown = inputs;
        for (const segment of splitFieldPath(ref.path))
          node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
        if (typeof node === 'string') out.push(addressOf(ref.kind, node));
      }
      return out;
    },
  };
}

function asKind(kind: string): Kind {
  if (!isKind(kind)) throw new Error(`unknown kind ${kind}`);
  return kind;
}
