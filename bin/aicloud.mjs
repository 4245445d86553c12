#!/usr/bin/env node
// The `aicloud` command: runs the bundle dist/aicloud.mjs (built by scripts/bundle-cli.mjs on `npm run prepare`).
import { loadBundle } from './load-bundle.mjs';

const { main } = await loadBundle('aicloud');
process.exitCode = await main(process.argv.slice(2));
