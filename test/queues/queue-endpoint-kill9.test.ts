// A waiting endpoint lives in the database with the resources it touches: a control plane killed with
// -9 comes back with it pending in the same place, and admits it when room frees in its cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRequest, spawnControlPlane, tempDir } from '../support/index.ts';
import { endpointBody } from '../controlplane/helpers.ts';

const TOKEN = 'queue-endpoint-kill9-admin-token-0123';
const P = '/v1/projects/default';
const ep = (name: string, replicas: number, per: number) =>
  endpointBody(name, 'serve', { acceleratorsPerReplica: per, parallelism: { tensor: per }, replicas, queue: 'serving' });

test('kill -9 with endpoints waiting: their order and reasons come back, and the head is admitted when room frees', async (t) => {
  const data = tempDir(t);
  const open = () => spawnControlPlane(t, { dataDir: data.path, logLevel: 'silent', bootstrapToken: TOKEN, timeScale: 0 });
  const api = (url: string) => async (method: string, path: string, body?: unknown) => {
    const r = await apiRequest(url, method, path, { token: TOKEN, body });
    return { status: r.status, body: r.body as any };
  };

  let cp = await open();
  let call = api(cp.url);
  assert.equal((await call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'ascend-910c', nominal: 64 }] })).status, 202);
  assert.equal(
    (await call('POST', `${P}/clusters`, { name: 'serve', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone' })).status,
    202,
  );
  assert.equal((await call('POST', `${P}/endpoints`, ep('holder', 1, 8))).body.resource.status, 'ready');
  const head = await call('POST', `${P}/endpoints`, ep('head', 1, 8));
  assert.equal(head.body.resource.statusReason, 'waiting for 1 replica of 8 ascend-910c in cluster serve; position 1');
  const next = await call('POST', `${P}/endpoints`, ep('next', 1, 4));
  assert.equal(next.body.resource.statusReason, 'waiting for 1 replica of 4 ascend-910c in cluster serve; position 2');
  const before = (await call('GET', '/v1/admin/queues')).body;
  await cp.kill9();

  cp = await open();
  call = api(cp.url);
  const after = (await call('GET', '/v1/admin/queues')).body;
  assert.deepEqual(after.pending, before.pending, 'the waiting endpoints, their order and what they wait for survive');
  assert.deepEqual((await call('GET', '/v1/admin/invariants')).body.violations, []);
  const waiting = (await call('GET', `${P}/endpoints/head`)).body;
  assert.equal(waiting.status, 'pending');
  assert.equal(waiting.statusReason, 'waiting for 1 replica of 8 ascend-910c in cluster serve; position 1');
  assert.equal((await call('GET', `${P}/operations/${head.body.operation.id}`)).body.status, 'running', 'its create still waits');

  assert.equal((await call('DELETE', `${P}/endpoints/holder`)).status, 202);
  const admitted = (await call('GET', `${P}/endpoints/head`)).body;
  assert.equal(admitted.status, 'ready', admitted.statusReason);
  assert.equal(admitted.outputs.replicaPlacements.length, 1);
  assert.equal((await call('GET', `${P}/operations/${head.body.operation.id}`)).body.status, 'done');
  assert.equal((await call('GET', `${P}/endpoints/next`)).body.statusReason, 'waiting for 1 replica of 4 ascend-910c in cluster serve; position 1');
  assert.deepEqual((await call('GET', '/v1/admin/invariants')).body.violations, []);
});
