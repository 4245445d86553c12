import { AicloudError, isAicloudError, kindInfo, UNKNOWN } from '../../../../core/index.ts';
import { describeAicloudError } from '../middleware/with-error-mapping.ts';
import { encodeResource, inputsOf } from '../encode-resource.ts';
import { fromWire } from '../from-wire.ts';
import { mergePatch } from '../merge-patch.ts';
import { providerPb } from '../proto.ts';
import { kindOfRequest } from '../resource-kind.ts';
import { checkPlacement } from '../placement-check.ts';
import { resourceInitFailed } from '../rpc-error.ts';
import { toWire } from '../to-wire.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/**
 * Sends the in-place part of a change as a JSON merge patch of old inputs to new inputs. Replacements never get
 * here (Diff said replace). A preview answers with the new inputs and the computed outputs unknown. An update
 * with nothing to change continues a create that did not become ready: it waits for the resource again.
 */
export function updateRpc(state: ProviderState): NonNullable<ProviderRpcs['update']> {
  return async (req, ctx) => {
    const kind = kindOfRequest(req);
    const oldOutputs = fromWire(req.getOlds(), state.secrets);
    const oldInputs = req.getOldInputs() ? fromWire(req.getOldInputs(), state.secrets).values : inputsOf(kind, oldOutputs.values);
    const news = fromWire(req.getNews(), state.secrets);
    const secretKeys = new Set([...oldOutputs.secretKeys, ...news.secretKeys]);
    const res = new providerPb.UpdateResponse();
    if (req.getPreview()) {
      await checkPlacement(state, kind, 'update', news.values, oldInputs);
      const preview: Record<string, unknown> = { ...news.values };
      for (const key of Object.keys(kindInfo(kind).outputs)) if (!(key in preview)) preview[key] = UNKNOWN;
      res.setProperties(toWire(preview, [...secretKeys, ...kindInfo(kind).secretOutputs]));
      return res;
    }
    const client = await state.getClient();
    const name = req.getId();
    const timeoutMs = req.getTimeout() > 0 ? req.getTimeout() * 1000 : undefined;
    const patch = mergePatch(oldInputs, news.values);
    try {
      // Nothing to change: the engine is taking up a create that did not become ready (the resource has init
      // errors), so wait for the resource again instead of sending an empty change.
      const updated = Object.keys(patch).length
        ? await client.update(kind, name, patch, { signal: ctx.signal, timeoutMs })
        : await client.awaitResource(kind, name, { signal: ctx.signal, timeoutMs });
      if (!updated)
        throw new AicloudError('NOT_FOUND', `${kind} ${name} no longer exists`, {
          hint: 'run `pulumi refresh` to drop it from the stack, then `pulumi up` to create it again',
        });
      res.setProperties(encodeResource(kind, updated, secretKeys, state.secrets).properties);
      return res;
    } catch (err) {
      if (isAicloudError(err) && err.status < 500 && err.code !== 'CANCELLED') throw err;
      const existing = await client.get(kind, name).catch(() => undefined);
      if (!existing) throw err;
      const encoded = encodeResource(kind, existing, secretKeys, state.secrets);
      const reason = isAicloudError(err) ? describeAicloudError(err) : err instanceof Error ? err.message : String(err);
      const status = existing.statusReason ? `${existing.status}: ${existing.statusReason}` : existing.status;
      const message = `${kind} ${name} was changed but did not become ready (${status}): ${reason}`;
      throw resourceInitFailed(message, encoded.id, encoded.properties, encoded.inputs, [message]);
    }
  };
}
