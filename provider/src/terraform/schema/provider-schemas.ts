// Every Terraform schema the provider serves, derived once per process.
import { CONFIG_SPECS, FUNCTION_SPECS, KINDS, kindInfo, type Kind } from '../core-api.ts';
import { dataSourceTypeName, deriveDataSourceSchema } from './derive-data-source-schema.ts';
import { deriveProviderSchema } from './derive-provider-schema.ts';
import { deriveResourceSchema } from './derive-resource-schema.ts';
import type { TfObjectSchema } from './tf-attribute.ts';

export interface ResourceEntry {
  kind: Kind;
  schema: TfObjectSchema;
}
export interface DataSourceEntry {
  token: string;
  schema: TfObjectSchema;
}

export interface ProviderSchemas {
  provider: TfObjectSchema;
  resources: Map<string, ResourceEntry>;
  dataSources: Map<string, DataSourceEntry>;
}

let cached: ProviderSchemas | undefined;

export function providerSchemas(): ProviderSchemas {
  if (cached) return cached;
  const resources = new Map<string, ResourceEntry>();
  for (const kind of KINDS) {
    const info = kindInfo(kind);
    resources.set(info.tfType, { kind, schema: deriveResourceSchema(info) });
  }
  const dataSources = new Map<string, DataSourceEntry>();
  for (const [token, fn] of Object.entries(FUNCTION_SPECS)) {
    dataSources.set(dataSourceTypeName(token), { token, schema: deriveDataSourceSchema(fn) });
  }
  cached = { provider: deriveProviderSchema(CONFIG_SPECS), resources, dataSources };
  return cached;
}
