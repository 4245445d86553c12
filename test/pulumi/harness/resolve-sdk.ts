import Module from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeSdk } from '../../../scripts/pulumi/build-node-sdk.ts';

/**
 * Makes `require("@aicloud/pulumi")` from the example program load the generated SDK, compiled with tsc
 * into a folder of this process under dist/, where it finds the repository's @pulumi/pulumi. (Pulumi's
 * generated modules load lazily through `exports`, which tsc's CommonJS output supports and tsx's does
 * not.) Users get the package from `npm install`; CommonJS resolution has no public hook, so the
 * resolver is wrapped for this process.
 */
export function resolveSdkFromSources(): void {
  const mod = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string; __aicloudSdk?: boolean };
  if (mod.__aicloudSdk) return;
  const out = fileURLToPath(new URL(`../../../dist/sdk-nodejs-${process.pid}`, import.meta.url));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  const entry = join(buildNodeSdk(out), 'index.js');
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === '@aicloud/pulumi' ? entry : original.call(this, request, ...rest);
  };
  mod.__aicloudSdk = true;
}
