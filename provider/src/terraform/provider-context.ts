// State one provider process keeps between RPCs: schemas, configuration, the lazily opened cloud.
import type { CloudApi, CloudApiFactory, ProviderConfig } from './cloud-api.ts';
import { providerSchemas, type ProviderSchemas } from './schema/provider-schemas.ts';

export interface ProviderContext {
  schemas: ProviderSchemas;
  config: ProviderConfig;
  configured: boolean;
  /**
   * Terraform validates resources before it configures the provider, often in a process that is
   * never configured; the provider block seen by ValidateProviderConfig stands in until then.
   */
  validatedConfig?: ProviderConfig;
  /** Opens the cloud on first use: Terraform starts several provider processes per command and most never need it. */
  cloud(): Promise<CloudApi>;
  /** Aborted by StopProvider so in-flight waits end promptly. */
  stop: AbortController;
}

export function createProviderContext(factory: CloudApiFactory): ProviderContext {
  let opened: Promise<CloudApi> | undefined;
  const ctx: ProviderContext = {
    schemas: providerSchemas(),
    config: {},
    configured: false,
    cloud: () => (opened ??= factory(ctx.config)),
    stop: new AbortController(),
  };
  return ctx;
}
