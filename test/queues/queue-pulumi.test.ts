// The Pulumi provider over its gRPC protocol: a queue and a 48-server gang that waits in it. Create
// waits while an admin defragments the zone and returns the admitted cluster; a second gang that
// cannot be admitted fails at its timeout with the pending reason and the id (ErrorResourceInitFailed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../pulumi/harness/engine.ts';
import { Secret } from '../pulumi/harness/engine-values.ts';
import type { RpcFailure } from '../pulumi/harness/provider-client.ts';
import { startPlugin } from '../pulumi/harness/plugin-process.ts';
import { ADMIN, testServer } from '../controlplane/helpers.ts';
import { fragmentZone, until } from './fragments.ts';

const QUEUE = 'aicloud:compute:Queue';
const CLUSTER = 'aicloud:compute:Cluster';
const gang = (name: string) => ({ name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode', queue: 'training' });

test('pulumi: a queued gang is admitted after a defragmentation; one that stays queued fails at its timeout with the reason', async () => {
  const s = await testServer();
  const plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  const engine = new Engine(plugin.port);
  try {
    await fragmentZone(s.call);
    await engine.configure({ endpoint: s.url, token: new Secret(ADMIN) });
    const q = await engine.check({ type: QUEUE, name: 'training', inputs: { name: 'training', quotas: [{ acceleratorType: 'ascend-910c', nominal: 768 }] } }, {});
    assert.deepEqual(q.failures, []);
    const queue = await engine.create(engine.urn(QUEUE, 'training'), QUEUE, q.inputs);
    assert.equal(queue.outputs.pendingCount, 0);

    const checked = await engine.check({ type: CLUSTER, name: 'gang', inputs: gang('gang') }, {});
    assert.deepEqual(checked.failures, []);
    const creating = engine.create(engine.urn(CLUSTER, 'gang'), CLUSTER, checked.inputs);
    const waiting = await until(() => s.call('GET', '/v1/projects/default/clusters/gang'), (r) => r.status === 200, 'the gang reaching the control plane', 20_000);
    assert.equal(waiting.body.status, 'pending');
    const d = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(d.body.movesStarted.length, 1, JSON.stringify(d.body));
    const created = await creating;
    assert.equal(created.outputs.status, 'ready');
    assert.equal((created.outputs.allocation as { servers: string[] }).servers.length, 48);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body.violations, []);

    const second = await engine.check({ type: CLUSTER, name: 'gang-2', inputs: gang('gang-2') }, {});
    const failure = await engine.create(engine.urn(CLUSTER, 'gang-2'), CLUSTER, second.inputs, { timeout: 1 }).then(
      () => assert.fail('the second gang cannot be admitted'),
      (e: RpcFailure) => e,
    );
    assert.ok(failure.initFailed, `expected ErrorResourceInitFailed, got: ${failure.message}`);
    assert.equal(failure.initFailed.id, 'gang-2');
    assert.equal(failure.initFailed.properties.status, 'pending');
    assert.match(failure.message, /pending: waiting for 48 ascend-910c servers in one supernode; position 1/);
    const view = (await s.call('GET', '/v1/projects/default/queues/training')).body;
    assert.equal(view.outputs.pendingCount, 1);
    assert.deepEqual(view.outputs.usage, [{ acceleratorType: 'ascend-910c', admitted: 384, borrowed: 0, pending: 384 }]);
  } finally {
    engine.close();
    await plugin.stop();
    await s.close();
  }
});
