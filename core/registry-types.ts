/** A property of the schema after $ref resolution; the shape every generator and adapter walks. */
export interface PropertySpec {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'map';
  description: string;
  /** Token of the named schema type this property uses, for SDK generators. */
  typeName?: string;
  enum?: { value: string; description?: string }[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  replaceOnChanges?: boolean;
  secret?: boolean;
  /** Token of the resource kind whose name this string property holds. */
  references?: string;
  /** The referenced resource may live outside the stack (a queue a platform team shares), so a name the stack does not declare is no error. */
  referencesExternal?: boolean;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  env?: string[];
}

/** Everything the schema says about one resource kind, plus the names each front end uses for it. */
export interface KindSpec {
  kind: string;
  token: string;
  module: string;
  collection: string;
  tfType: string;
  description: string;
  inputs: Record<string, PropertySpec>;
  requiredInputs: string[];
  outputs: Record<string, PropertySpec>;
  requiredOutputs: string[];
  /** JSON Schema of the inputs (with defaults), compiled by ajv in validate. */
  inputSchema: Record<string, unknown>;
}

/** A provider function (Pulumi invoke, Terraform data source). */
export interface FunctionSpec {
  token: string;
  description: string;
  inputs: Record<string, PropertySpec>;
  outputs: Record<string, PropertySpec>;
  requiredOutputs: string[];
}
