// GetMetadata: type names without the schemas, for clients that ask.
import type { ProviderContext } from '../provider-context.ts';
import type { GetMetadataResponse } from '../wire/messages.ts';

export function getMetadata(ctx: ProviderContext): GetMetadataResponse {
  return {
    server_capabilities: { get_provider_schema_optional: true },
    resources: [...ctx.schemas.resources.keys()].map((type_name) => ({ type_name })),
    data_sources: [...ctx.schemas.dataSources.keys()].map((type_name) => ({ type_name })),
    diagnostics: [],
  };
}
