import { emptyPb } from '../proto.ts';
import type { ProviderRpcs } from '../rpcs.ts';

/** Aborting in-flight calls is `withCancel`'s job; the RPC itself only has to acknowledge. */
export function cancelRpc(): NonNullable<ProviderRpcs['cancel']> {
  return async () => new emptyPb.Empty();
}
