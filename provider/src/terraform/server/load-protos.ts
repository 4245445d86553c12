// Loads the protocol definitions: from the .proto files in development, from JSON baked into the bundle.
import { fileURLToPath } from 'node:url';
import { fromJSON, loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';

/** Set by the bundler: the parsed .proto files, so a packaged provider neither ships nor parses them. */
declare const AICLOUD_TF_PROTO_JSON: object | undefined;

const OPTIONS: Options = { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true };

export const PROTO_FILES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'].map((f) => fileURLToPath(new URL(`../proto/${f}`, import.meta.url)));

/** Every service the plugin serves, in one package definition. */
export function loadProtos(): PackageDefinition {
  if (typeof AICLOUD_TF_PROTO_JSON !== 'undefined') return fromJSON(AICLOUD_TF_PROTO_JSON as never, OPTIONS);
  return loadSync(PROTO_FILES, OPTIONS);
}
