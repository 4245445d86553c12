import { status as GrpcStatus } from '@grpc/grpc-js';
import { RpcError } from '../rpc-error.ts';
import { UNARY_METHODS } from '../rpcs.ts';
import type { AnyRpc, ProviderRpcs } from '../rpcs.ts';

/** Answers every RPC the provider does not offer (Call, Construct, Parameterize, mappings) in one place. */
export function withUnimplemented(rpcs: ProviderRpcs): Required<ProviderRpcs> {
  const out: Record<string, AnyRpc> = { ...(rpcs as Record<string, AnyRpc>) };
  for (const method of UNARY_METHODS) {
    out[method] ??= async () => {
      throw new RpcError(GrpcStatus.UNIMPLEMENTED, `${method} is not implemented by the aicloud provider`);
    };
  }
  return out as Required<ProviderRpcs>;
}
