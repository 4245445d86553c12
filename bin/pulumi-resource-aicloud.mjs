#!/usr/bin/env node
// The Pulumi resource provider plugin. The engine starts it and reads the port from the first stdout line,
// so nothing else may be written to stdout; everything else goes to stderr.
// A prebuilt bundle (dist/pulumi-resource-aicloud.mjs, from scripts/pulumi/bundle-provider.ts) starts fastest;
// without one the TypeScript sources run through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/pulumi-resource-aicloud.mjs', import.meta.url));
let main;
if (existsSync(bundle) && process.env.AICLOUD_PULUMI_FROM_SOURCE !== '1') {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../provider/src/pulumi/main.ts'));
}
try {
  await main();
} catch (err) {
  process.stderr.write(`pulumi-resource-aicloud: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
