// Compiles the generated Node.js SDK (sdk/nodejs, TypeScript) into sdk/nodejs/bin with the project's
// TypeScript and @pulumi/pulumi, and copies package.json and README.md beside the output, so that
// sdk/nodejs/bin is the package users install (`npm pack` there, or a `file:` dependency on it), as
// Pulumi's own providers publish theirs. Run: `npx tsx scripts/pulumi/build-node-sdk.ts`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sdkDir = fileURLToPath(new URL('../../sdk/nodejs/', import.meta.url));
export const sdkBin = join(sdkDir, 'bin');

/**
 * Builds the package into outDir (sdk/nodejs/bin unless told otherwise) from scratch; throws with the
 * compiler's output when it does not compile.
 */
export function buildNodeSdk(outDir = sdkBin): string {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Only Node's types: the repository's other @types packages are not the SDK's dependencies.
  const res = spawnSync(process.execPath, [tsc, '-p', join(sdkDir, 'tsconfig.json'), '--outDir', outDir, '--types', 'node'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`tsc on sdk/nodejs failed (exit ${res.status}):\n${res.stdout}${res.stderr}`);
  for (const file of ['package.json', 'README.md']) copyFileSync(join(sdkDir, file), join(outDir, file));
  return outDir;
}

const isMain = process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '';
if (isMain) {
  buildNodeSdk();
  process.stderr.write('sdk/nodejs/bin written\n');
}
