// Bundles the Pulumi provider plugin into dist/ (`npx tsx scripts/pulumi/bundle-provider.ts`), so
// bin/pulumi-resource-aicloud.mjs starts without compiling TypeScript. The control-plane client and the
// embedded cloud stay in lazily loaded chunks, as in the sources.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Chunk names carry content hashes; old ones would pile up.
await rm(join(root, 'dist/pulumi-chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'pulumi-resource-aicloud': 'provider/src/pulumi/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'pulumi-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The engine's stubs must share @pulumi/pulumi's own google-protobuf copy, and SQLite is a native module.
  external: ['@pulumi/pulumi', '@pulumi/pulumi/*', 'google-protobuf', '@grpc/grpc-js', 'better-sqlite3'],
  // Bundled CommonJS dependencies call require(); ESM output has none unless it is made.
  banner: { js: "import { createRequire as __aicloudCreateRequire } from 'node:module'; const require = __aicloudCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
process.stderr.write('dist/pulumi-resource-aicloud.mjs written\n');
