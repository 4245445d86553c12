import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from './harness/engine.ts';
import { Secret } from './harness/engine-values.ts';
import { startPlugin } from './harness/plugin-process.ts';
import type { PluginProcess } from './harness/plugin-process.ts';
import { startTestCloud } from './harness/control-plane.ts';
import type { TestCloud } from './harness/control-plane.ts';

// Functions over gRPC. The stack's life under the real CLI is in test/pulumi-cli/; what stays here is what a
// program cannot provoke on purpose: arguments a generated SDK would never send.
let cloud: TestCloud;
let plugin: PluginProcess;
let engine: Engine;

before(async () => {
  cloud = await startTestCloud();
  plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  engine = new Engine(plugin.port);
  const { checkFailures } = await engine.configure({ endpoint: cloud.url, token: new Secret(cloud.token), project: 'default' });
  assert.deepEqual(checkFailures, []);
});

after(async () => {
  engine?.close();
  await plugin?.stop();
  await cloud?.close();
});

test('Invoke: functions answer from the cloud and refuse bad arguments with failures', async () => {
  const types = (await engine.invoke('aicloud:compute:getAcceleratorTypes', {})).types as { name: string }[];
  assert.ok(types.some((t) => t.name === 'ascend-910c'));
  const { zones } = await engine.invoke('aicloud:compute:getCapacity', { zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' });
  const [zone] = zones as { free: number; total: number }[];
  assert.equal(zone.free, zone.total, 'nothing is allocated yet');
  const bad = await engine.invokeFailures('aicloud:compute:getCapacity', { acceleratorType: 'tpu-v9' });
  assert.deepEqual(
    bad.map((f) => f.property),
    ['acceleratorType'],
  );
});
