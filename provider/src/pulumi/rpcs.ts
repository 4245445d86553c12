import type { providerPb, pluginPb, emptyPb } from './proto.ts';

type Pb = typeof providerPb;
type Empty = InstanceType<typeof emptyPb.Empty>;

/** What every RPC handler receives besides its request: a signal that Cancel (or the client going away) aborts. */
export interface CallContext {
  method: string;
  signal: AbortSignal;
}

/** One unary RPC, in protocol terms: the engine's request message in, the response message out. */
export type Rpc<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

/**
 * The provider as a table of optional RPC handlers, so cross-cutting concerns can wrap it
 * (`(rpcs) => rpcs`) and the RPCs the provider does not offer are answered in one place.
 */
export interface ProviderRpcs {
  handshake?: Rpc<InstanceType<Pb['ProviderHandshakeRequest']>, InstanceType<Pb['ProviderHandshakeResponse']>>;
  getPluginInfo?: Rpc<Empty, InstanceType<typeof pluginPb.PluginInfo>>;
  getSchema?: Rpc<InstanceType<Pb['GetSchemaRequest']>, InstanceType<Pb['GetSchemaResponse']>>;
  checkConfig?: Rpc<InstanceType<Pb['CheckRequest']>, InstanceType<Pb['CheckResponse']>>;
  diffConfig?: Rpc<InstanceType<Pb['DiffRequest']>, InstanceType<Pb['DiffResponse']>>;
  configure?: Rpc<InstanceType<Pb['ConfigureRequest']>, InstanceType<Pb['ConfigureResponse']>>;
  invoke?: Rpc<InstanceType<Pb['InvokeRequest']>, InstanceType<Pb['InvokeResponse']>>;
  check?: Rpc<InstanceType<Pb['CheckRequest']>, InstanceType<Pb['CheckResponse']>>;
  diff?: Rpc<InstanceType<Pb['DiffRequest']>, InstanceType<Pb['DiffResponse']>>;
  create?: Rpc<InstanceType<Pb['CreateRequest']>, InstanceType<Pb['CreateResponse']>>;
  read?: Rpc<InstanceType<Pb['ReadRequest']>, InstanceType<Pb['ReadResponse']>>;
  update?: Rpc<InstanceType<Pb['UpdateRequest']>, InstanceType<Pb['UpdateResponse']>>;
  delete?: Rpc<InstanceType<Pb['DeleteRequest']>, Empty>;
  cancel?: Rpc<Empty, Empty>;
  attach?: Rpc<InstanceType<typeof pluginPb.PluginAttach>, Empty>;
  parameterize?: Rpc<InstanceType<Pb['ParameterizeRequest']>, InstanceType<Pb['ParameterizeResponse']>>;
  call?: Rpc<InstanceType<Pb['CallRequest']>, InstanceType<Pb['CallResponse']>>;
  construct?: Rpc<InstanceType<Pb['ConstructRequest']>, InstanceType<Pb['ConstructResponse']>>;
  getMapping?: Rpc<InstanceType<Pb['GetMappingRequest']>, InstanceType<Pb['GetMappingResponse']>>;
  getMappings?: Rpc<InstanceType<Pb['GetMappingsRequest']>, InstanceType<Pb['GetMappingsResponse']>>;
}

/** The unary methods of `pulumirpc.ResourceProvider`, in the service's order (List streams and is left out). */
export const UNARY_METHODS = [
  'handshake',
  'parameterize',
  'getSchema',
  'checkConfig',
  'diffConfig',
  'configure',
  'invoke',
  'call',
  'check',
  'diff',
  'create',
  'read',
  'update',
  'delete',
  'construct',
  'cancel',
  'getPluginInfo',
  'attach',
  'getMapping',
  'getMappings',
] as const satisfies readonly (keyof ProviderRpcs)[];

/** A handler of any unary method, for wrappers that do not care which one they wrap. */
export type AnyRpc = Rpc<unknown, unknown>;
