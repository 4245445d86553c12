import { isAicloudError, refusedBeforeAccepting } from '../../../../core/index.ts';
import { describeAicloudError } from '../middleware/with-error-mapping.ts';
import { encodeResource, previewOutputs } from '../encode-resource.ts';
import { fromWire } from '../from-wire.ts';
import { providerPb } from '../proto.ts';
import { kindOfRequest } from '../resource-kind.ts';
import { checkPlacement } from '../placement-check.ts';
import { resourceInitFailed } from '../rpc-error.ts';
import { toWire } from '../to-wire.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * Creates the resource and waits for it, within the engine's `timeout`. A preview answers with the inputs and
 * unknown outputs. When the cloud accepted the request but the resource did not become ready (failed, timed out,
 * cancelled), the answer is ErrorResourceInitFailed with the id and state, so the engine keeps track of it and
 * its accelerators are released by the next update or destroy instead of leaking.
 */
export function createRpc(state: ProviderState): NonNullable<ProviderRpcs['create']> {
  return async (req, ctx) => {
    const kind = kindOfRequest(req);
    const { values: inputs, secretKeys } = fromWire(req.getProperties(), state.secrets);
    const res = new providerPb.CreateResponse();
    if (req.getPreview()) {
      await checkPlacement(state, kind, 'create', inputs);
      res.setId('');
      res.setProperties(toWire(previewOutputs(kind, inputs), secretKeys));
      return res;
    }
    const client = await state.getClient();
    const timeoutMs = req.getTimeout() > 0 ? req.getTimeout() * 1000 : undefined;
    try {
      const created = await client.create(kind, inputs, { signal: ctx.signal, timeoutMs });
      const encoded = encodeResource(kind, created, secretKeys, state.secrets);
      res.setId(encoded.id);
      res.setProperties(encoded.properties);
      return res;
    } catch (err) {
      if (isAicloudError(err) && refusedBeforeAccepting(err.code)) throw err;
      const name = typeof inputs.name === 'string' ? inputs.name : undefined;
      // Cancel has aborted ctx.signal; the lookup must still run or the accepted resource is forgotten.
      const existing = name ? await client.get(kind, name).catch(() => undefined) : undefined;
      if (!existing) throw err;
      const encoded = encodeResource(kind, existing, secretKeys, state.secrets);
      const reason = isAicloudError(err) ? describeAicloudError(err) : err instanceof Error ? err.message : String(err);
      const status = existing.statusReason ? `${existing.status}: ${existing.statusReason}` : existing.status;
      const message = `${kind} ${name} was created but did not become ready (${status}): ${reason}`;
      throw resourceInitFailed(message, encoded.id, encoded.properties, encoded.inputs, [message]);
    }
  };
}
