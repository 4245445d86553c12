import { error } from '../diagnostics.ts';
import { zoneInRegion } from './cluster.ts';
import { growOnly } from './grow-only.ts';
import type { KindRules } from './kind-rules.ts';

export const volumeRules: KindRules = {
  check(value) {
    const out = zoneInRegion(value);
    if (value.iops !== undefined && value.type !== 'essd') {
      out.push(
        error('CONFLICTING_FIELDS', 'iops', `iops can only be provisioned on essd volumes, not ${String(value.type)}`, {
          value: value.iops,
          hint: 'Set type: essd, or remove iops.',
        }),
      );
    }
    return out;
  },
  checkChange: growOnly('sizeGib', 'GiB'),
};
