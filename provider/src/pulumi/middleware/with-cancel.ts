import { emptyPb } from '../proto.ts';
import type { AnyRpc, ProviderRpcs } from '../rpcs.ts';

/**
 * Cancel is the engine's Ctrl-C: it must abort every operation in flight, not only future ones. Each call's
 * signal is tied to one provider-wide controller that Cancel aborts; calls that start after it fail fast.
 */
export function withCancel(rpcs: ProviderRpcs, controller: AbortController = new AbortController()): ProviderRpcs {
  const out: ProviderRpcs = {};
  for (const [name, rpc] of Object.entries(rpcs) as [keyof ProviderRpcs, AnyRpc][]) {
    if (name === 'cancel') continue;
    (out as Record<string, AnyRpc>)[name] = (req, ctx) => rpc(req, { ...ctx, signal: AbortSignal.any([ctx.signal, controller.signal]) });
  }
  out.cancel = async (req, ctx) => {
    controller.abort(new Error('the engine cancelled the update'));
    if (rpcs.cancel) await rpcs.cancel(req, ctx);
    return new emptyPb.Empty();
  };
  return out;
}
