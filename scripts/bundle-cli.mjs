#!/usr/bin/env node
// Bundles the `aicloud` command into dist/aicloud.mjs, so a start skips TypeScript compilation and
// most module resolution (CI runs `aicloud plan` on every pull request). bin/aicloud.mjs runs the
// bundle when it exists, the sources through tsx otherwise.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleCli(outdir = join(root, 'dist')) {
  await build({
    entryPoints: { aicloud: join(root, 'provider/src/cli/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'aicloud-chunks/[name]-[hash]',
    // Native and worker-based modules must stay real files next to node_modules.
    external: ['better-sqlite3', 'pino', 'thread-stream', 'pino-pretty'],
    banner: { js: "import { createRequire as __aicloudCreateRequire } from 'node:module'; const require = __aicloudCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
  return join(outdir, 'aicloud.mjs');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write(`wrote ${await bundleCli()}\n`);
}
