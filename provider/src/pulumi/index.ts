// The Pulumi resource provider: a gRPC server for `pulumirpc.ResourceProvider` that translates each RPC into
// calls of the core (validate, diff) and the control-plane client. One file per RPC under rpc/, value codecs
// in from-wire.ts / to-wire.ts, cross-cutting wrappers under middleware/. No rule is decided here.
export { createProvider } from './create-provider.ts';
export type { Provider, ProviderOptions } from './create-provider.ts';
export { serveProvider } from './serve.ts';
export type { ServingProvider } from './serve.ts';
export { main } from './main.ts';
export type { ProviderRpcs, Rpc, CallContext } from './rpcs.ts';
export type { CloudApi, CallOptions } from './cloud-api.ts';
export type { ProviderSettings } from './provider-config.ts';
export { fromWire } from './from-wire.ts';
export { toWire } from './to-wire.ts';
export { RpcError } from './rpc-error.ts';
