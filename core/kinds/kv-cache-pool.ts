import { ACCELERATOR_TYPES } from '../accelerators.ts';
import { error } from '../diagnostics.ts';
import type { KindRules } from './kind-rules.ts';

export const kvCachePoolRules: KindRules = {
  clusterField: 'cluster',
  check(value, ctx) {
    const tiers = value.tiers as { hbmGib: number; dramGib?: number; ssdGib?: number };
    const type = ctx.acceleratorType ? ACCELERATOR_TYPES[ctx.acceleratorType] : undefined;
    if (type && tiers.hbmGib >= type.memoryGib) {
      return [
        error(
          'OUT_OF_RANGE',
          'tiers.hbmGib',
          `${tiers.hbmGib} GiB of HBM per accelerator for KV cache leaves nothing for weights on ${type.name} (${type.memoryGib} GiB)`,
          {
            value: tiers.hbmGib,
            hint: `Reserve well under ${type.memoryGib} GiB; the rest holds the model's weights.`,
          },
        ),
      ];
    }
    if (tiers.hbmGib + (tiers.dramGib ?? 0) + (tiers.ssdGib ?? 0) <= 0) {
      return [error('OUT_OF_RANGE', 'tiers', 'a KV-cache pool needs at least one tier with a size above 0', { value: tiers })];
    }
    return [];
  },
};
