#!/usr/bin/env node
// The `aicloud` command. Runs the bundle (dist/aicloud.mjs, built on install by scripts/bundle-cli.mjs)
// when there is one, else the TypeScript sources through tsx; AICLOUD_FROM_SOURCE=1 forces the sources.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/aicloud.mjs', import.meta.url);
let main;
if (existsSync(bundle) && process.env.AICLOUD_FROM_SOURCE !== '1') {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../provider/src/cli/main.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
