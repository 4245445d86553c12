#!/usr/bin/env node
// The Pulumi resource provider plugin. The engine starts it and reads the port from the first stdout line,
// so nothing else may be written to stdout; everything else goes to stderr.
// It runs the bundle dist/pulumi-resource-aicloud.mjs (built by scripts/pulumi/bundle-provider.ts on `npm run prepare`).
import { loadBundle } from './load-bundle.mjs';

const { main } = await loadBundle('pulumi-resource-aicloud');
try {
  await main();
} catch (err) {
  process.stderr.write(`pulumi-resource-aicloud: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
