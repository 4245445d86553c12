// Wires the RPC functions to one provider context: the handler table the plugin server serves.
import type { CloudApiFactory } from './cloud-api.ts';
import { createProviderContext, type ProviderContext } from './provider-context.ts';
import { applyResourceChange } from './rpc/apply-resource-change.ts';
import { configureProvider } from './rpc/configure-provider.ts';
import { getMetadata } from './rpc/get-metadata.ts';
import { getProviderSchema } from './rpc/get-provider-schema.ts';
import { importResourceState } from './rpc/import-resource-state.ts';
import { planResourceChange } from './rpc/plan-resource-change.ts';
import { readDataSource } from './rpc/read-data-source.ts';
import { readResource } from './rpc/read-resource.ts';
import { stopProvider } from './rpc/stop-provider.ts';
import { upgradeResourceState } from './rpc/upgrade-resource-state.ts';
import { validateDataResourceConfig } from './rpc/validate-data-resource-config.ts';
import { validateProviderConfig } from './rpc/validate-provider-config.ts';
import { validateResourceConfig } from './rpc/validate-resource-config.ts';
import type { ProviderHandlers } from './wire/messages.ts';

/** The aicloud provider's handlers; `ctx` is exposed so tests can look at configuration. */
export function createProvider(openCloud: CloudApiFactory): { handlers: ProviderHandlers; ctx: ProviderContext } {
  const ctx = createProviderContext(openCloud);
  const handlers: ProviderHandlers = {
    GetProviderSchema: () => getProviderSchema(ctx),
    GetMetadata: () => getMetadata(ctx),
    ValidateProviderConfig: (req) => validateProviderConfig(ctx, req),
    ConfigureProvider: (req) => configureProvider(ctx, req),
    ValidateResourceConfig: (req) => validateResourceConfig(ctx, req),
    ValidateDataResourceConfig: (req) => validateDataResourceConfig(ctx, req),
    UpgradeResourceState: (req) => upgradeResourceState(ctx, req),
    ReadResource: (req) => readResource(ctx, req),
    PlanResourceChange: (req) => planResourceChange(ctx, req),
    ApplyResourceChange: (req) => applyResourceChange(ctx, req),
    ImportResourceState: (req) => importResourceState(ctx, req),
    ReadDataSource: (req) => readDataSource(ctx, req),
    StopProvider: () => stopProvider(ctx),
  };
  return { handlers, ctx };
}
