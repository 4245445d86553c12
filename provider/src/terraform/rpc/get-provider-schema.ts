// GetProviderSchema: the schemas Terraform checks configuration against.
import type { ProviderContext } from '../provider-context.ts';
import { toWireSchema } from '../schema/to-wire-schema.ts';
import type { GetProviderSchemaResponse } from '../wire/messages.ts';

/**
 * `get_provider_schema_optional` lets Terraform cache the schema per command instead of asking each
 * of the several provider processes it starts.
 */
export function getProviderSchema(ctx: ProviderContext): GetProviderSchemaResponse {
  const { provider, resources, dataSources } = ctx.schemas;
  return {
    provider: toWireSchema(provider),
    resource_schemas: Object.fromEntries([...resources].map(([name, r]) => [name, toWireSchema(r.schema)])),
    data_source_schemas: Object.fromEntries([...dataSources].map(([name, d]) => [name, toWireSchema(d.schema)])),
    server_capabilities: { get_provider_schema_optional: true },
    diagnostics: [],
  };
}
