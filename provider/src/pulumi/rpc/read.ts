import { encodeResource } from '../encode-resource.ts';
import { fromWire } from '../from-wire.ts';
import { providerPb } from '../proto.ts';
import { kindOfRequest } from '../resource-kind.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * Refresh and import. A resource deleted out of band answers with an empty id, which drops it from state
 * instead of failing the refresh. Inputs come back from the cloud's spec, so an import with empty inputs
 * followed by Check and Diff shows no change.
 */
export function readRpc(state: ProviderState): NonNullable<ProviderRpcs['read']> {
  return async (req, ctx) => {
    const kind = kindOfRequest(req);
    const outputs = fromWire(req.getProperties(), state.secrets);
    const inputs = fromWire(req.getInputs(), state.secrets);
    const client = await state.getClient();
    const found = await client.get(kind, req.getId(), { signal: ctx.signal });
    const res = new providerPb.ReadResponse();
    if (!found) {
      res.setId('');
      return res;
    }
    const encoded = encodeResource(kind, found, new Set([...outputs.secretKeys, ...inputs.secretKeys]), state.secrets);
    res.setId(encoded.id);
    res.setProperties(encoded.properties);
    res.setInputs(encoded.inputs);
    return res;
  };
}
