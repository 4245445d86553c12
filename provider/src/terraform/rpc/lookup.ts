// Finding the schema behind a type name, shared by the RPCs.
import type { ProviderContext } from '../provider-context.ts';
import type { DataSourceEntry, ResourceEntry } from '../schema/provider-schemas.ts';
import { plainDiagnostic } from '../wire/diagnostics.ts';
import type { WireDiagnostic } from '../wire/messages.ts';

export function resourceEntry(ctx: ProviderContext, typeName: string): ResourceEntry | WireDiagnostic {
  return (
    ctx.schemas.resources.get(typeName) ??
    plainDiagnostic('error', `Unknown resource type ${typeName}`, `This provider serves ${[...ctx.schemas.resources.keys()].join(', ')}.`)
  );
}

export function dataSourceEntry(ctx: ProviderContext, typeName: string): DataSourceEntry | WireDiagnostic {
  return (
    ctx.schemas.dataSources.get(typeName) ??
    plainDiagnostic('error', `Unknown data source ${typeName}`, `This provider serves ${[...ctx.schemas.dataSources.keys()].join(', ')}.`)
  );
}

export const isDiagnostic = (v: object): v is WireDiagnostic => 'severity' in v;
