// ValidateProviderConfig: the provider block's own checks, before anything is configured.
import type { ProviderContext } from '../provider-context.ts';
import type { ConfigRequest, WithDiagnostics } from '../wire/messages.ts';
import { readProviderConfig } from './provider-config.ts';

export async function validateProviderConfig(ctx: ProviderContext, req: ConfigRequest): Promise<WithDiagnostics> {
  const { config, diagnostics } = readProviderConfig(ctx, req.config);
  ctx.validatedConfig = config;
  return { diagnostics };
}
