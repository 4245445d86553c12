import { providerPb } from '../proto.ts';
import type { ProviderRpcs } from '../rpcs.ts';

/**
 * The provider accepts secrets (and wraps secret outputs itself) but not resource references or output values,
 * so the engine sends plain values and unknown sentinels, which the core understands.
 */
export function handshakeRpc(): NonNullable<ProviderRpcs['handshake']> {
  return async () => {
    const res = new providerPb.ProviderHandshakeResponse();
    res.setAcceptSecrets(true);
    res.setAcceptResources(false);
    res.setAcceptOutputs(false);
    res.setSupportsAutonamingConfiguration(false);
    return res;
  };
}
