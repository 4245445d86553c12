// The Terraform provider (plugin protocol 6): the go-plugin server with AutoMTLS, the cty msgpack
// codec, the schema derived from the core's registry, and one file per RPC under rpc/ that decodes,
// asks the core (and the client), and encodes. main.ts is the executable's entry point.
export { createProvider } from './create-provider.ts';
export { openCloud } from './open-cloud.ts';
export type { CloudApi, CloudApiFactory, ProviderConfig } from './cloud-api.ts';
export { servePlugin, type RunningPlugin, type ServeOptions } from './server/serve-plugin.ts';
export { handshakeLine, handshakeProblem, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from './server/handshake.ts';
export { createSelfSignedCert, type SelfSignedCert } from './tls/self-signed-cert.ts';
export { encodeCty, decodeCty, decodeCtyJson, type CtyValue } from './cty/cty-msgpack.ts';
export { ctyTypeJson, type CtyType } from './cty/cty-type.ts';
export { TfUnknown, TF_UNKNOWN, isTfUnknown } from './cty/unknown-value.ts';
export { providerSchemas, type ProviderSchemas } from './schema/provider-schemas.ts';
export { toSchemaJson, PROVIDER_ADDRESS } from './schema/to-schema-json.ts';
export { snakeCase } from './schema/snake-case.ts';
export type { ProviderHandlers } from './wire/messages.ts';
