// The Pulumi provider over its gRPC protocol with a queued endpoint: Create waits while the endpoint
// holding its cluster is deleted and returns the admitted endpoint; a second one that cannot be
// admitted fails at its timeout with the pending reason and the id (ErrorResourceInitFailed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../pulumi/harness/engine.ts';
import { Secret } from '../pulumi/harness/engine-values.ts';
import type { RpcFailure } from '../pulumi/harness/provider-client.ts';
import { startPlugin } from '../pulumi/harness/plugin-process.ts';
import { ADMIN, endpointBody, testServer } from '../controlplane/helpers.ts';
import { until } from './fragments.ts';

const QUEUE = 'aicloud:compute:Queue';
const ENDPOINT = 'aicloud:inference:ModelEndpoint';
const P = '/v1/projects/default';
const ep = (name: string) =>
  endpointBody(name, 'serve', { region: 'cn-southwest-2', acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 1, queue: 'serving' });

test('pulumi: a queued endpoint is admitted when the endpoint filling its cluster leaves; one that stays queued fails at its timeout with the reason', async () => {
  const s = await testServer();
  const plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  const engine = new Engine(plugin.port);
  const clean = () => s.invariantsClean();
  try {
    await engine.configure({ endpoint: s.url, token: new Secret(ADMIN) });
    const q = await engine.check({ type: QUEUE, name: 'serving', inputs: { name: 'serving', quotas: [{ acceleratorType: 'ascend-910c', nominal: 64 }] } }, {});
    assert.deepEqual(q.failures, []);
    await engine.create(engine.urn(QUEUE, 'serving'), QUEUE, q.inputs);
    assert.equal(
      (await s.call('POST', `${P}/clusters`, { name: 'serve', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' }))
        .status,
      202,
    );
    const holder = await s.call('POST', `${P}/endpoints`, { ...ep('holder'), queue: undefined });
    assert.equal(holder.body.resource.status, 'ready', JSON.stringify(holder.body));

    const checked = await engine.check({ type: ENDPOINT, name: 'chat', inputs: ep('chat') }, {});
    assert.deepEqual(checked.failures, []);
    const creating = engine.create(engine.urn(ENDPOINT, 'chat'), ENDPOINT, checked.inputs);
    const waiting = await until(
      () => s.call('GET', `${P}/endpoints/chat`),
      (r) => r.status === 200,
      'the endpoint reaching the control plane',
      20_000,
    );
    assert.equal(waiting.body.status, 'pending');
    assert.equal(waiting.body.statusReason, 'waiting for 1 replica of 8 ascend-910c in cluster serve; position 1');
    await clean();
    assert.equal((await s.call('DELETE', `${P}/endpoints/holder`)).status, 202);
    const created = await creating;
    assert.equal(created.outputs.status, 'ready');
    assert.equal((created.outputs.replicaPlacements as unknown[]).length, 1);
    assert.match(String(created.outputs.url), /^https:\/\/chat\.default\./);
    await clean();

    const second = await engine.check({ type: ENDPOINT, name: 'chat-2', inputs: ep('chat-2') }, {});
    const failure = await engine.create(engine.urn(ENDPOINT, 'chat-2'), ENDPOINT, second.inputs, { timeout: 1 }).then(
      () => assert.fail('the second endpoint cannot be admitted'),
      (e: RpcFailure) => e,
    );
    assert.ok(failure.initFailed, `expected ErrorResourceInitFailed, got: ${failure.message}`);
    assert.equal(failure.initFailed.id, 'chat-2');
    assert.equal(failure.initFailed.properties.status, 'pending');
    assert.match(failure.message, /pending: waiting for 1 replica of 8 ascend-910c in cluster serve; position 1/);
    assert.equal((await s.call('GET', `${P}/queues/serving`)).body.outputs.pendingCount, 1);
    await clean();
  } finally {
    engine.close();
    await plugin.stop();
    await s.close();
  }
});
