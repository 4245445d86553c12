import { createRequire } from 'node:module';
import type * as AicloudSdk from '../../../sdk/nodejs/index.ts';
import { SDK_ENTRY } from '../../pulumi/harness/resolve-sdk.ts';

/** The Node.js SDK's public API (`@aicloud/pulumi`), as programs use it. */
export type Sdk = typeof AicloudSdk;

const require = createRequire(import.meta.url);

/**
 * Loads `@aicloud/pulumi` from the repository's sources the way a Pulumi program loads a package (CommonJS
 * require), so its `@pulumi/pulumi` is the same module instance the Automation API runs the inline program with.
 */
export function loadSdk(): Sdk {
  return require(SDK_ENTRY) as Sdk;
}
