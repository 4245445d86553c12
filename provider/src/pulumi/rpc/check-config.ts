import { providerPb } from '../proto.ts';
import { fromWire } from '../from-wire.ts';
import { toWire } from '../to-wire.ts';
import { checkSettings, SECRET_SETTINGS } from '../provider-config.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * Checks the provider's own inputs before anything else runs, so a bad endpoint, token or project fails
 * `preview` with the field named instead of surfacing later as a connection error.
 */
export function checkConfigRpc(state: ProviderState): NonNullable<ProviderRpcs['checkConfig']> {
  return async (req) => {
    const { values, secretKeys } = fromWire(req.getNews(), state.secrets);
    const res = new providerPb.CheckResponse();
    for (const f of checkSettings(values)) {
      const failure = new providerPb.CheckFailure();
      failure.setProperty(f.property);
      failure.setReason(f.reason);
      res.addFailures(failure);
    }
    res.setInputs(toWire(values, new Set([...secretKeys, ...SECRET_SETTINGS])));
    return res;
  };
}
