#!/usr/bin/env node
// Bundles the `aicloud` command into dist/aicloud.mjs, so a start skips TypeScript compilation and
// most module resolution (CI runs `aicloud plan` on every pull request). bin/aicloud.mjs runs the
// bundle; it never runs the sources.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from './bundle-node.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function bundleCli(outdir = join(root, 'dist')) {
  return bundleNode({ name: 'aicloud', entry: join(root, 'provider/src/cli/main.ts'), outdir });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write(`wrote ${await bundleCli()}\n`);
}
