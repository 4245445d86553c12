// The conventional `timeouts { create = "30m" }` block, honoured by ApplyResourceChange.
import type { TfBlockType } from './tf-attribute.ts';

export const TIMEOUT_OPERATIONS = ['create', 'update', 'delete'] as const;
export type TimeoutOperation = (typeof TIMEOUT_OPERATIONS)[number];

export const TIMEOUTS_BLOCK: TfBlockType = {
  name: 'timeouts',
  description: 'How long apply waits for each operation before it fails, as a duration like `30s`, `10m` or `1h30m`.',
  attributes: TIMEOUT_OPERATIONS.map((op) => ({
    name: op,
    key: op,
    description: `Time limit for ${op === 'create' ? 'creating' : op === 'update' ? 'updating' : 'deleting'} the resource.`,
    optional: true,
    type: 'string' as const,
    role: 'input' as const,
  })),
};
