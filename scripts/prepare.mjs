#!/usr/bin/env node
// `npm run prepare` (run by npm ci and npm install): bundles the CLI, the web console and the two
// provider plugins into dist/. Bundling needs esbuild, a devDependency; where the devDependencies are
// not installed (npm ci --omit=dev, as a package is installed) the bundles already in dist/ are kept.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('esbuild');
} catch {
  process.stderr.write('prepare: esbuild is not installed (no devDependencies), so the bundles in dist/ are kept as they are\n');
  process.exit(0);
}

const steps = [
  ['scripts/bundle-cli.mjs'],
  ['scripts/bundle-console.mjs'],
  ['scripts/terraform/bundle.mjs'],
  ['--import', 'tsx', 'scripts/pulumi/bundle-provider.ts'],
];
for (const args of steps) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
