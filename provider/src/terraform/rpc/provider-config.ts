// The provider block, decoded and checked; shared by ValidateProviderConfig and ConfigureProvider.
import { decodeCty } from '../cty/cty-msgpack.ts';
import { TfUnknown } from '../cty/unknown-value.ts';
import type { ProviderConfig } from '../cloud-api.ts';
import type { ProviderContext } from '../provider-context.ts';
import { plainDiagnostic } from '../wire/diagnostics.ts';
import type { DynamicValue, WireDiagnostic } from '../wire/messages.ts';

const ENV: Record<keyof ProviderConfig, string> = {
  endpoint: 'AICLOUD_ENDPOINT', token: 'AICLOUD_TOKEN', project: 'AICLOUD_PROJECT', region: 'AICLOUD_REGION', lease: 'AICLOUD_LEASE',
};

/**
 * Values from the block win over AICLOUD_* variables. Checks follow the schema's patterns; the
 * token's value never appears in a diagnostic.
 */
export function readProviderConfig(ctx: ProviderContext, config: DynamicValue | undefined, env: NodeJS.ProcessEnv = process.env): { config: ProviderConfig; diagnostics: WireDiagnostic[] } {
  const raw = (decodeCty(config?.msgpack, ctx.schemas.provider.type) ?? {}) as Record<string, unknown>;
  const out: ProviderConfig = {};
  const diagnostics: WireDiagnostic[] = [];
  for (const key of Object.keys(ENV) as (keyof ProviderConfig)[]) {
    const v = raw[key];
    if (v instanceof TfUnknown) continue;
    const value = typeof v === 'string' && v !== '' ? v : env[ENV[key]] || undefined;
    if (value !== undefined) out[key] = value;
  }
  const spec = Object.fromEntries(ctx.schemas.provider.attributes.map((a) => [a.key, a]));
  const patterns: Partial<Record<keyof ProviderConfig, RegExp>> = {
    endpoint: /^https?:\/\/[^\s/$.?#].[^\s]*$/,
    project: /^[a-z][a-z0-9-]{0,62}$/,
    region: /^[a-z]+-[a-z]+-[0-9]+$/,
    lease: /^lse-[0-9a-f]+$/,
  };
  for (const [key, re] of Object.entries(patterns) as [keyof ProviderConfig, RegExp][]) {
    const value = out[key];
    if (value !== undefined && !re.test(value)) {
      diagnostics.push(plainDiagnostic('error', `Invalid provider ${key} ${JSON.stringify(value)}`, `${spec[key]?.description ?? ''} Expected to match ${re.source}.`, key));
    }
  }
  if (out.token !== undefined && out.token.length < 16) {
    diagnostics.push(plainDiagnostic('error', 'Invalid provider token', 'The token is shorter than 16 characters; check AICLOUD_TOKEN or the token argument.', 'token'));
  }
  return { config: out, diagnostics };
}
