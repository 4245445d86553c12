// One esbuild set-up for the three executables (the CLI and the two plugins): ESM for Node 20, split
// into lazily loaded chunks, native and worker-based modules left as real files, and a require() made
// for the bundled CommonJS dependencies that call it.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Modules that must stay files next to node_modules: SQLite is native, pino starts worker threads. */
export const NODE_EXTERNALS = ['better-sqlite3', 'pino', 'thread-stream', 'pino-pretty'];

/**
 * Bundles `entry` into `<outdir>/<name>.mjs` with its chunks in `<outdir>/<name>-chunks/`, which is
 * emptied first: chunk names carry content hashes, so old ones would pile up.
 */
export async function bundleNode({ name, entry, outdir, external = NODE_EXTERNALS, ...extra }) {
  await rm(join(outdir, `${name}-chunks`), { recursive: true, force: true });
  await build({
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: `${name}-chunks/[name]-[hash]`,
    external,
    banner: { js: "import { createRequire as __aicloudCreateRequire } from 'node:module'; const require = __aicloudCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
    ...extra,
  });
  return join(outdir, `${name}.mjs`);
}
