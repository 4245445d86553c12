// ImportResourceState: the import id is the resource's name in the project.
import { encodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { stateFromCloud } from '../resource-state.ts';
import { errorDiagnostic, plainDiagnostic } from '../wire/diagnostics.ts';
import type { ImportResourceStateRequest, ImportResourceStateResponse } from '../wire/messages.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';
import { encodePrivate } from './private-state.ts';

export async function importResourceState(ctx: ProviderContext, req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
  const entry = resourceEntry(ctx, req.type_name);
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  try {
    const resource = await (await ctx.cloud()).get(entry.kind, req.id);
    if (!resource) {
      return {
        diagnostics: [
          plainDiagnostic(
            'error',
            `Cannot import ${req.type_name} ${JSON.stringify(req.id)}: it does not exist`,
            `The import id is the resource's name in project ${ctx.config.project ?? 'default'}. (NOT_FOUND)`,
          ),
        ],
      };
    }
    return {
      imported_resources: [
        {
          type_name: req.type_name,
          state: { msgpack: encodeCty(stateFromCloud(entry.schema, resource, null), entry.schema.type) },
          private: encodePrivate(resource.resourceVersion),
        },
      ],
    };
  } catch (err) {
    return { diagnostics: [errorDiagnostic(err, `Importing ${req.type_name} ${req.id} failed`)] };
  }
}
