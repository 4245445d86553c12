import { error } from '../diagnostics.ts';
import type { KindRules } from './kind-rules.ts';

/** A queue's quotas are keyed by accelerator type; two entries for one type would make admission ambiguous. */
export const queueRules: KindRules = {
  check(value) {
    const quotas = (value.quotas as { acceleratorType: string }[] | undefined) ?? [];
    const seen = new Map<string, number>();
    const out = [];
    for (const [i, q] of quotas.entries()) {
      const first = seen.get(q.acceleratorType);
      if (first !== undefined) {
        out.push(
          error('CONFLICTING_FIELDS', `quotas[${i}].acceleratorType`, `quotas[${first}] and quotas[${i}] both set a quota for ${q.acceleratorType}`, {
            value: q.acceleratorType,
            hint: 'Give each accelerator type one quota entry.',
          }),
        );
      } else seen.set(q.acceleratorType, i);
    }
    return out;
  },
};
