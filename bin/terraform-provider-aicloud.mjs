#!/usr/bin/env node
// The Terraform provider plugin (protocol 6). Terraform starts it several times per command and reads
// the handshake from the first stdout line, so nothing else may reach stdout; logs go to stderr.
// It runs the bundle dist/terraform-provider-aicloud.mjs (built by scripts/terraform/bundle.mjs on
// `npm run prepare`), or the one AICLOUD_TF_BUNDLE names.
import { loadBundle } from './load-bundle.mjs';

const { main } = await loadBundle('terraform-provider-aicloud', process.env.AICLOUD_TF_BUNDLE || undefined);
try {
  await main();
} catch (err) {
  process.stderr.write(`terraform-provider-aicloud: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
