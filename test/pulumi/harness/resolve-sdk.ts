import Module from 'node:module';
import { fileURLToPath } from 'node:url';

/** The generated SDK's sources, which `@aicloud/pulumi` stands for inside the repository. */
export const SDK_ENTRY = fileURLToPath(new URL('../../../sdk/nodejs/index.ts', import.meta.url));

/**
 * Makes `require("@aicloud/pulumi")` from the example program load the generated SDK sources. Users get the
 * package from `npm install` (a `file:` dependency); the repository has no install step for it, and
 * CommonJS resolution has no public hook, so the resolver is wrapped for this process.
 */
export function resolveSdkFromSources(): void {
  const mod = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string; __aicloudSdk?: boolean };
  if (mod.__aicloudSdk) return;
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === '@aicloud/pulumi' ? SDK_ENTRY : original.call(this, request, ...rest);
  };
  mod.__aicloudSdk = true;
}
