import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTick } from 'node:timers/promises';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { Engine } from './harness/engine.ts';
import { Secret } from './harness/engine-values.ts';
import { RpcFailure } from './harness/provider-client.ts';
import { startPlugin } from './harness/plugin-process.ts';
import { startTestCloud } from './harness/control-plane.ts';
import type { TestCloud } from './harness/control-plane.ts';

const CLUSTER = 'aicloud:compute:Cluster';
const inputs = { name: 'train-b', region: 'cn-southwest-2', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 4, placement: 'supernode' };

async function withPlugin(cloud: TestCloud, fn: (engine: Engine) => Promise<void>): Promise<void> {
  const plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  const engine = new Engine(plugin.port);
  try {
    await engine.configure({ endpoint: cloud.url, token: new Secret(cloud.token) });
    await fn(engine);
  } finally {
    engine.close();
    await plugin.stop();
  }
}

async function assertNoLeak(cloud: TestCloud): Promise<void> {
  assert.deepEqual(await cloud.admin('GET', '/v1/admin/invariants'), { ok: true, violations: [] });
  const cap = (await cloud.client.capacity({ zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c' })) as { zones: { free: number; total: number }[] };
  assert.equal(cap.zones[0].free, cap.zones[0].total);
}

test('a create that fails after the cloud accepted it returns ErrorResourceInitFailed with id and state; delete frees it', async () => {
  const cloud = await startTestCloud();
  try {
    await withPlugin(cloud, async (engine) => {
      await cloud.admin('POST', '/v1/admin/faults', { spec: 'opfail=1' });
      const urn = engine.urn(CLUSTER, 'train-b');
      const checked = await engine.check({ type: CLUSTER, name: 'train-b', inputs }, {});
      const failure = await engine.create(urn, CLUSTER, checked.inputs).then(
        () => assert.fail('create should fail'),
        (e: RpcFailure) => e,
      );
      assert.ok(failure.initFailed, `expected ErrorResourceInitFailed, got: ${failure.message}`);
      assert.equal(failure.initFailed.id, 'train-b');
      assert.equal(failure.initFailed.properties.status, 'failed');
      assert.equal(failure.initFailed.inputs.nodeCount, 4);
      assert.match(failure.message, /OPERATION_FAILED/);
      await cloud.admin('DELETE', '/v1/admin/faults');
      // The engine keeps the failed resource in state; destroy (or the next up) deletes it.
      engine.state.set(urn, {
        type: CLUSTER,
        name: 'train-b',
        id: failure.initFailed.id,
        inputs: failure.initFailed.inputs,
        outputs: failure.initFailed.properties,
      });
      await engine.destroy();
      assert.equal(await cloud.client.get('Cluster', 'train-b'), undefined);
      await assertNoLeak(cloud);
    });
  } finally {
    await cloud.close();
  }
});

test("a create refused before the cloud accepted it is a plain error, never an init failure for someone else's resource", async () => {
  const cloud = await startTestCloud();
  try {
    await cloud.client.create('Cluster', inputs);
    await withPlugin(cloud, async (engine) => {
      const err = await engine.create(engine.urn(CLUSTER, 'dup'), CLUSTER, inputs).then(
        () => assert.fail('create should fail'),
        (e: RpcFailure) => e,
      );
      assert.equal(err.initFailed, undefined);
      assert.equal(err.code, GrpcStatus.ALREADY_EXISTS);
      assert.match(err.message, /ALREADY_EXISTS/);
      assert.ok(!err.message.includes('    at '), 'no stack trace in a user error');
    });
  } finally {
    await cloud.close();
  }
});

test('cancel aborts a create in flight; the accepted resource is reported, not leaked', async () => {
  // Operations take simulated time on a clock that only the test moves, so the create stays in flight.
  const clock = createVirtualClock();
  const cloud = await startTestCloud({ timeScale: 1, clock });
  try {
    await withPlugin(cloud, async (engine) => {
      const urn = engine.urn(CLUSTER, 'train-b');
      const creating = engine.create(urn, CLUSTER, inputs, { timeout: 3600 }).then(
        () => assert.fail('create should not finish'),
        (e: RpcFailure) => e,
      );
      while (!(await cloud.client.get('Cluster', 'train-b'))) await nextTick();
      await engine.client.cancel();
      const failure = await creating;
      assert.ok(failure.initFailed, `expected ErrorResourceInitFailed, got ${failure.message}`);
      assert.equal(failure.initFailed.id, 'train-b');
      assert.equal(failure.initFailed.properties.status, 'provisioning');
      assert.match(failure.message, /CANCELLED/);
      // Calls after Cancel stop at once instead of starting new work.
      const after = await engine.create(engine.urn(CLUSTER, 'late'), CLUSTER, { ...inputs, name: 'late' }).then(
        () => undefined,
        (e: RpcFailure) => e,
      );
      assert.ok(after);
      assert.equal(await cloud.client.get('Cluster', 'late'), undefined);
    });
    // The client would wait for the delete on a clock that does not move; send it raw, then move time.
    await cloud.admin('DELETE', '/v1/projects/default/clusters/train-b');
    clock.advance(60 * 60_000);
    assert.equal(await cloud.client.get('Cluster', 'train-b'), undefined);
    await assertNoLeak(cloud);
  } finally {
    await cloud.close();
  }
});
