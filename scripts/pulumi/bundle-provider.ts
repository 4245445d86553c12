// Bundles the Pulumi provider plugin into dist/ (`npx tsx scripts/pulumi/bundle-provider.ts`), so
// bin/pulumi-resource-aicloud.mjs starts without compiling TypeScript. The control-plane client and the
// embedded cloud stay in lazily loaded chunks, as in the sources.
import { bundleNode } from '../bundle-node.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

await bundleNode({
  name: 'pulumi-resource-aicloud',
  entry: join(root, 'provider/src/pulumi/main.ts'),
  outdir: join(root, 'dist'),
  // The engine's stubs must share @pulumi/pulumi's own google-protobuf copy, and SQLite is a native module.
  external: ['@pulumi/pulumi', '@pulumi/pulumi/*', 'google-protobuf', '@grpc/grpc-js', 'better-sqlite3'],
});
process.stderr.write('dist/pulumi-resource-aicloud.mjs written\n');
