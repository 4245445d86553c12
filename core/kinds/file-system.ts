import { zoneInRegion } from './cluster.ts';
import { growOnly } from './grow-only.ts';
import type { KindRules } from './kind-rules.ts';

export const fileSystemRules: KindRules = { check: zoneInRegion, checkChange: growOnly('capacityTib', 'TiB') };
