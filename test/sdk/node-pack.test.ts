import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeSdk } from '../../scripts/pulumi/build-node-sdk.ts';

// The Node.js SDK as users meet it: compiled, packed with `npm pack`, installed from the tarball into an
// empty folder with @pulumi/pulumi from the npm registry, and used by a program under Pulumi's mocks.
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/schema.json', import.meta.url)), 'utf8')) as { version: string };
const MOCK_PROGRAM = fileURLToPath(new URL('./fixtures/node-mocks.cjs', import.meta.url));

function npm(args: string[], cwd: string): string {
  const res = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  assert.equal(res.status, 0, `npm ${args.join(' ')}:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

test('npm pack of sdk/nodejs installs into an empty folder and runs a program under mocks', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'aicloud-node-sdk-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  const bin = buildNodeSdk();
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], bin)) as { filename: string; files: { path: string }[] }[];
  assert.ok(packed.files.some((f) => f.path === 'index.js'), 'the tarball holds the compiled package');
  assert.ok(packed.files.some((f) => f.path === 'index.d.ts'), 'the tarball holds the type declarations');

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'sdk-user', private: true }));
  npm(['install', '--prefer-offline', join(work, packed.filename)], app);

  const installed = JSON.parse(readFileSync(join(app, 'node_modules/@aicloud/pulumi/package.json'), 'utf8'));
  assert.equal(installed.name, '@aicloud/pulumi');
  assert.deepEqual(installed.pulumi, { resource: true, name: 'aicloud', version: schema.version }, 'the pulumi block names the resource plugin');

  copyFileSync(MOCK_PROGRAM, join(app, 'program.cjs'));
  const run = spawnSync(process.execPath, ['program.cjs'], { cwd: app, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!);
  assert.deepEqual(out, {
    clusterId: 'infer-a-id',
    acceleratorCount: 16,
    status: 'running',
    endpointCluster: 'infer-a',
    url: 'https://qwen.endpoints.example',
    keyLength: 7,
    urn: 'urn:pulumi:test::sdk-pack::aicloud:compute:Cluster::infer-a',
    isCluster: true,
  });
});
