// UpgradeResourceState: state files hold JSON; re-encoding it against the current schema drops
// attributes that no longer exist and adds new ones as null. Schema version 0 is the only one so far.
import { decodeCtyJson, encodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { plainDiagnostic } from '../wire/diagnostics.ts';
import type { UpgradeResourceStateRequest, UpgradeResourceStateResponse } from '../wire/messages.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';

export async function upgradeResourceState(ctx: ProviderContext, req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
  const entry = resourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  if (!req.raw_state?.json?.length) {
    return { diagnostics: [plainDiagnostic('error', 'Cannot upgrade state', 'Only JSON state is supported; this state uses the pre-0.12 flatmap format.')] };
  }
  const value = decodeCtyJson(req.raw_state.json, entry.schema.type);
  return { upgraded_state: { msgpack: encodeCty(value, entry.schema.type) } };
}
