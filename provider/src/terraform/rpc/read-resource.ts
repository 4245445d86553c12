// ReadResource: refresh from the cloud. A changed spec shows up as drift; a resource that is gone
// returns null so Terraform plans to create it again.
import { decodeCty, encodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { stateFromCloud } from '../resource-state.ts';
import { errorDiagnostic } from '../wire/diagnostics.ts';
import type { ReadResourceRequest, ReadResourceResponse } from '../wire/messages.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';
import { encodePrivate } from './private-state.ts';

export async function readResource(ctx: ProviderContext, req: ReadResourceRequest): Promise<ReadResourceResponse> {
  const entry = resourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  const current = decodeCty(req.current_state?.msgpack, entry.schema.type) as Record<string, unknown> | null;
  if (!current) return { new_state: req.current_state, private: req.private };
  const name = String(current.name);
  try {
    const resource = await (await ctx.cloud()).get(entry.kind, name);
    if (!resource || resource.status === 'deleting') return { new_state: { msgpack: encodeCty(null, entry.schema.type) } };
    return {
      new_state: { msgpack: encodeCty(stateFromCloud(entry.schema, resource, current), entry.schema.type) },
      private: encodePrivate(resource.resourceVersion),
    };
  } catch (err) {
    return { new_state: req.current_state, private: req.private, diagnostics: [errorDiagnostic(err, `Reading ${req.type_name} ${name} failed`)] };
  }
}
