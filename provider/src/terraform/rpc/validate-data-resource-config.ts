// ValidateDataResourceConfig: data source filters are checked by their types alone.
import type { ProviderContext } from '../provider-context.ts';
import type { ConfigRequest, WithDiagnostics } from '../wire/messages.ts';
import { dataSourceEntry, isDiagnostic } from './lookup.ts';

export async function validateDataResourceConfig(ctx: ProviderContext, req: ConfigRequest): Promise<WithDiagnostics> {
  const entry = dataSourceEntry(ctx, req.type_name ?? '');
  return { diagnostics: isDiagnostic(entry) ? [entry] : [] };
}
