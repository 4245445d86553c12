#!/usr/bin/env node
// The Terraform provider plugin (protocol 6). Terraform starts it several times per command and reads
// the handshake from the first stdout line, so nothing else may reach stdout; logs go to stderr.
// The bundle (dist/terraform-provider-aicloud.mjs, from scripts/terraform/bundle.mjs) starts fastest;
// without one, or with AICLOUD_TF_FROM_SOURCE=1, the TypeScript sources run through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = process.env.AICLOUD_TF_BUNDLE || fileURLToPath(new URL('../dist/terraform-provider-aicloud.mjs', import.meta.url));
let main;
if (existsSync(bundle) && process.env.AICLOUD_TF_FROM_SOURCE !== '1') {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../provider/src/terraform/main.ts'));
}
try {
  await main();
} catch (err) {
  process.stderr.write(`terraform-provider-aicloud: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
