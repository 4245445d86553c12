import { emptyPb } from '../proto.ts';
import { kindOfRequest } from '../resource-kind.ts';
import type { ProviderRpcs } from '../rpcs.ts';
import type { ProviderState } from '../provider-state.ts';

/** Deletes and waits, within the engine's `timeout`. A resource already gone counts as deleted (the client tolerates 404). */
export function deleteRpc(state: ProviderState): NonNullable<ProviderRpcs['delete']> {
  return async (req, ctx) => {
    const kind = kindOfRequest(req);
    const client = await state.getClient();
    const timeoutMs = req.getTimeout() > 0 ? req.getTimeout() * 1000 : undefined;
    await client.delete(kind, req.getId(), { signal: ctx.signal, timeoutMs });
    return new emptyPb.Empty();
  };
}
