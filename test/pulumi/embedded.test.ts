import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from './harness/engine.ts';
import { startPlugin } from './harness/plugin-process.ts';

test('with no endpoint the plugin runs against the embedded cloud in AICLOUD_DATA_DIR', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'aicloud-pulumi-embedded-'));
  const env = { AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: 'cn-southwest-2', AICLOUD_DATA_DIR: dataDir };
  const bucket = { type: 'aicloud:storage:Bucket', name: 'weights', inputs: { name: 'weights-embedded-test', versioning: true } };
  try {
    let plugin = await startPlugin(env);
    let engine = new Engine(plugin.port);
    try {
      await engine.configure({});
      const steps = await engine.up([bucket]);
      assert.equal(steps[0].op, 'create');
      assert.equal(steps[0].outputs!.region, 'cn-southwest-2', 'the default region comes from AICLOUD_REGION');
      assert.ok(existsSync(join(dataDir, 'cloud.db')));
    } finally {
      engine.close();
      await plugin.stop();
    }
    // A second plugin process (the next `pulumi` command) sees what the first one created.
    plugin = await startPlugin(env);
    const next = new Engine(plugin.port);
    try {
      await next.configure({});
      const read = await next.read(bucket.type, bucket.name, 'weights-embedded-test');
      assert.equal(read.id, 'weights-embedded-test');
      assert.equal(read.inputs.versioning, true);
      next.state.set(next.urn(bucket.type, bucket.name), { type: bucket.type, name: bucket.name, id: read.id, inputs: read.inputs, outputs: read.outputs });
      await next.destroy();
      assert.equal((await next.read(bucket.type, bucket.name, 'weights-embedded-test')).id, '');
    } finally {
      next.close();
      await plugin.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
