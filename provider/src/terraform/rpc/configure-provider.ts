// ConfigureProvider: checks and remembers the configuration; the cloud itself is opened on first use.
import { resolveConfig } from '../../client/index.ts';
import { isAicloudError } from '../core-api.ts';
import type { ProviderContext } from '../provider-context.ts';
import { errorDiagnostic } from '../wire/diagnostics.ts';
import type { ConfigRequest, WithDiagnostics } from '../wire/messages.ts';
import { readProviderConfig } from './provider-config.ts';

export async function configureProvider(ctx: ProviderContext, req: ConfigRequest): Promise<WithDiagnostics> {
  const { config, diagnostics } = readProviderConfig(ctx, req.config);
  if (diagnostics.length) return { diagnostics };
  try {
    // Same rules as every other front end (an endpoint needs a token, ...), without any I/O yet.
    resolveConfig(config);
  } catch (err) {
    if (!isAicloudError(err)) throw err;
    return { diagnostics: [errorDiagnostic(err, 'Invalid provider configuration', ctx.schemas.provider.attributes)] };
  }
  ctx.config = config;
  ctx.configured = true;
  return { diagnostics: [] };
}
