// ValidateResourceConfig: the core's validation, each problem pinned to its attribute.
import { mergeProviderSettings, validate } from '../core-api.ts';
import { decodeCty } from '../cty/cty-msgpack.ts';
import type { ProviderContext } from '../provider-context.ts';
import { wireDiagnostic } from '../wire/diagnostics.ts';
import type { ConfigRequest, WireDiagnostic, WithDiagnostics } from '../wire/messages.ts';
import { inputsFromTf } from '../wire/tf-value.ts';
import { isDiagnostic, resourceEntry } from './lookup.ts';
import { checkTimeouts } from './timeouts.ts';

export async function validateResourceConfig(ctx: ProviderContext, req: ConfigRequest): Promise<WithDiagnostics> {
  const entry = resourceEntry(ctx, req.type_name ?? '');
  if (isDiagnostic(entry)) return { diagnostics: [entry] };
  const config = (decodeCty(req.config?.msgpack, entry.schema.type) ?? {}) as Record<string, unknown>;
  const diagnostics: WireDiagnostic[] = checkTimeouts(config.timeouts);
  const region = ctx.configured ? ctx.config.region : (ctx.validatedConfig?.region ?? mergeProviderSettings([]).region);
  const result = validate(entry.kind, inputsFromTf(config, entry.schema.attributes), { allowUnknown: true, defaultRegion: region });
  let found = result.ok ? result.warnings : result.diagnostics;
  // Before ConfigureProvider the provider's region may still come from a variable; plan checks it then.
  if (!ctx.configured && !region) found = found.filter((d) => !(d.code === 'MISSING_FIELD' && d.path === 'region'));
  diagnostics.push(...found.map((d) => wireDiagnostic(d, entry.schema.attributes)));
  return { diagnostics };
}
