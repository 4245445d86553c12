#!/usr/bin/env node
// Bundles the Terraform provider into dist/ so each start skips TypeScript and most module
// resolution, and bakes the parsed .proto files in so no proto parsing happens at start.
// Usage: node scripts/terraform/bundle.mjs [--outdir DIR] [--entry main|minimal]
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from '../bundle-node.mjs';
import protobuf from 'protobufjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const ENTRIES = {
  main: { file: 'provider/src/terraform/main.ts', out: 'terraform-provider-aicloud' },
  minimal: { file: 'bench/terraform/minimal-provider.ts', out: 'terraform-provider-minimal' },
};

/** Bundles one entry; returns the path of the entry file written. */
export async function bundleProvider({ outdir = join(root, 'dist'), entry = 'main' } = {}) {
  const { file, out } = ENTRIES[entry];
  const protoDir = join(root, 'provider/src/terraform/proto');
  // keepCase: the runtime reads the protocol's snake_case field names, as @grpc/proto-loader does in development.
  const json = new protobuf.Root()
    .loadSync(
      ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'].map((f) => join(protoDir, f)),
      { keepCase: true },
    )
    .toJSON();
  mkdirSync(outdir, { recursive: true });
  return bundleNode({
    name: out,
    entry: join(root, file),
    outdir,
    define: { AICLOUD_TF_PROTO_JSON: JSON.stringify(json) },
    minify: true,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = await bundleProvider({ outdir: arg('--outdir', undefined), entry: arg('--entry', 'main') });
  process.stderr.write(`wrote ${path}\n`);
}
