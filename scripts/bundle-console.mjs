#!/usr/bin/env node
// Bundles the web console (console/) into dist/console/: one script, one stylesheet and the page, all
// served by the control plane itself at `/` and `/console/*`, so the console works offline.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleConsole(outdir = join(root, 'dist', 'console')) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { console: join(root, 'console/src/main.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    // AICLOUD_CONSOLE_MINIFY=0 keeps names readable in a browser profile.
    minify: process.env.AICLOUD_CONSOLE_MINIFY !== '0',
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  });
  await copyFile(join(root, 'console/index.html'), join(outdir, 'index.html'));
  await copyFile(join(root, 'console/console.css'), join(outdir, 'console.css'));
  return outdir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stderr.write(`wrote ${await bundleConsole()}\n`);
}
