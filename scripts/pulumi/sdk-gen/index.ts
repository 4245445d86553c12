// The Pulumi Node.js SDK generator: renders sdk/nodejs from schema/schema.json in the shape
// `pulumi package gen-sdk nodejs` produces. Rendering is pure; gen-sdk.ts writes the files.
export { generateSdk } from './generate-sdk.ts';
export type { PackageSchema } from './schema-model.ts';
export { GENERATED_BANNER } from './names.ts';
