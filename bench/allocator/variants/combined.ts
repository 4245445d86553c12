// The two variants that held up on fresh streams, together: protect the largest hole, spread in order.
import type { Policy } from '../../../controlplane/src/allocator/policy.ts';
import { spreadInOrder } from './order-rules.ts';
import { protectLargestHoles } from './protect-holes.ts';
import { variantPolicy } from './shared.ts';

export function protectAndSpreadInOrder(base: 'best-fit' | 'fgd-pack'): Policy {
  return variantPolicy({ scoreServer: protectLargestHoles(1, base).scoreServer, scoreBlock: spreadInOrder(base).scoreBlock });
}
