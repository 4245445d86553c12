// TypeScript shapes of the protocol 6 messages as @grpc/proto-loader hands them over
// (snake_case fields, enums and int64 as numbers, bytes as Buffer).

export interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}
export interface AttributePath {
  steps: AttributePathStep[];
}

export const SEVERITY = { ERROR: 1, WARNING: 2 } as const;
export interface WireDiagnostic {
  severity: number;
  summary: string;
  detail?: string;
  attribute?: AttributePath;
}

export interface WireAttribute {
  name: string;
  type?: Buffer;
  nested_type?: { attributes: WireAttribute[]; nesting: number };
  description: string;
  description_kind?: number;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}
export interface WireBlock {
  version: number;
  attributes: WireAttribute[];
  block_types: { type_name: string; block: WireBlock; nesting: number; min_items?: number; max_items?: number }[];
  description: string;
  description_kind?: number;
}
export interface WireSchema {
  version: number;
  block: WireBlock;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export interface WithDiagnostics {
  diagnostics?: WireDiagnostic[];
}

export type GetProviderSchemaResponse = WithDiagnostics & {
  provider: WireSchema;
  resource_schemas: Record<string, WireSchema>;
  data_source_schemas: Record<string, WireSchema>;
  server_capabilities?: ServerCapabilities;
};
export type GetMetadataResponse = WithDiagnostics & {
  server_capabilities?: ServerCapabilities;
  resources: { type_name: string }[];
  data_sources: { type_name: string }[];
};
export interface ConfigRequest {
  type_name?: string;
  config?: DynamicValue;
  terraform_version?: string;
}
export interface UpgradeResourceStateRequest {
  type_name: string;
  version: number;
  raw_state?: { json?: Uint8Array; flatmap?: Record<string, string> };
}
export type UpgradeResourceStateResponse = WithDiagnostics & { upgraded_state?: DynamicValue };
export interface ReadResourceRequest {
  type_name: string;
  current_state?: DynamicValue;
  private?: Uint8Array;
}
export type ReadResourceResponse = WithDiagnostics & { new_state?: DynamicValue; private?: Uint8Array };
export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  proposed_new_state?: DynamicValue;
  config?: DynamicValue;
  prior_private?: Uint8Array;
}
export type PlanResourceChangeResponse = WithDiagnostics & {
  planned_state?: DynamicValue;
  requires_replace?: AttributePath[];
  planned_private?: Uint8Array;
};
export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  planned_state?: DynamicValue;
  config?: DynamicValue;
  planned_private?: Uint8Array;
}
export type ApplyResourceChangeResponse = WithDiagnostics & { new_state?: DynamicValue; private?: Uint8Array };
export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
}
export type ImportResourceStateResponse = WithDiagnostics & {
  imported_resources?: { type_name: string; state: DynamicValue; private?: Uint8Array }[];
};
export interface ReadDataSourceRequest {
  type_name: string;
  config?: DynamicValue;
}
export type ReadDataSourceResponse = WithDiagnostics & { state?: DynamicValue };

/**
 * One async function per RPC the provider implements; anything missing answers Unimplemented.
 * Handlers return diagnostics for what went wrong rather than throwing.
 */
export interface ProviderHandlers {
  GetProviderSchema(req: object): Promise<GetProviderSchemaResponse> | GetProviderSchemaResponse;
  GetMetadata?(req: object): Promise<GetMetadataResponse> | GetMetadataResponse;
  ValidateProviderConfig?(req: ConfigRequest): Promise<WithDiagnostics>;
  ConfigureProvider?(req: ConfigRequest): Promise<WithDiagnostics>;
  ValidateResourceConfig?(req: ConfigRequest): Promise<WithDiagnostics>;
  ValidateDataResourceConfig?(req: ConfigRequest): Promise<WithDiagnostics>;
  UpgradeResourceState?(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse>;
  ReadResource?(req: ReadResourceRequest): Promise<ReadResourceResponse>;
  PlanResourceChange?(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse>;
  ApplyResourceChange?(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse>;
  ImportResourceState?(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse>;
  ReadDataSource?(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse>;
  StopProvider?(req: object): Promise<{ Error?: string }>;
}
