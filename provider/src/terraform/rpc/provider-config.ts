// The provider block, decoded and checked; shared by ValidateProviderConfig and ConfigureProvider.
import { checkProviderSettings, CONFIG_KEYS, mergeProviderSettings } from '../core-api.ts';
import { decodeCty } from '../cty/cty-msgpack.ts';
import { TfUnknown } from '../cty/unknown-value.ts';
import type { ProviderConfig } from '../cloud-api.ts';
import type { ProviderContext } from '../provider-context.ts';
import { plainDiagnostic } from '../wire/diagnostics.ts';
import type { DynamicValue, WireDiagnostic } from '../wire/messages.ts';

/**
 * Values from the block win over AICLOUD_* variables, and are checked against the schema, both by
 * the core (as for every front end); the token's value never appears in a diagnostic.
 */
export function readProviderConfig(
  ctx: ProviderContext,
  config: DynamicValue | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { config: ProviderConfig; diagnostics: WireDiagnostic[] } {
  const raw = (decodeCty(config?.msgpack, ctx.schemas.provider.type) ?? {}) as Record<string, unknown>;
  // An unknown value is neither set nor taken from the environment: it is checked once known.
  const known = Object.fromEntries(Object.entries(raw).filter(([, v]) => !(v instanceof TfUnknown)));
  const unknown = new Set(Object.keys(raw).filter((k) => raw[k] instanceof TfUnknown));
  const merged = mergeProviderSettings([known], env);
  const out: ProviderConfig = {};
  for (const key of CONFIG_KEYS) {
    const value = merged[key];
    if (!unknown.has(key) && typeof value === 'string') out[key] = value;
  }
  const spec = Object.fromEntries(ctx.schemas.provider.attributes.map((a) => [a.key, a]));
  const diagnostics = checkProviderSettings({ ...out }).map((p): WireDiagnostic =>
    p.rule === 'minLength'
      ? plainDiagnostic(
          'error',
          `Invalid provider ${p.key}`,
          `The ${p.key} is shorter than ${String(p.expected)} characters; check ${p.key === 'token' ? 'AICLOUD_TOKEN or the token argument' : `the ${p.key} argument`}.`,
          p.key,
        )
      : plainDiagnostic(
          'error',
          `Invalid provider ${p.key} ${JSON.stringify(out[p.key])}`,
          `${spec[p.key]?.description ?? ''} Expected to match ${String(p.expected)}.`,
          p.key,
        ),
  );
  return { config: out, diagnostics };
}
