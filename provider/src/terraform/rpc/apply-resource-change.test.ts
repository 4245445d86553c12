import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AicloudError } from '../core-api.ts';
import { fakeProvider } from '../testing/rpc-driver.ts';

const cluster = { name: 'train-a', zone: 'cn-southwest-2a', accelerator_type: 'ascend-910c', node_count: 2 };

test('create records id, spec and outputs', async () => {
  const p = fakeProvider();
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  assert.equal(apply.state!.id, 'id-1');
  assert.equal(apply.state!.status, 'ready');
  assert.equal(apply.state!.accelerator_count, 16);
  assert.equal(apply.state!.labels, null);
});

test('update sends only the changed fields, with the version read last', async () => {
  const p = fakeProvider();
  const first = await p.planAndApply('aicloud_cluster', null, cluster);
  const second = await p.planAndApply('aicloud_cluster', first.apply.state!, { ...cluster, node_count: 4 });
  assert.deepEqual(second.apply.diagnostics, []);
  assert.equal(second.apply.state!.node_count, 4);
  assert.ok(p.cloud.calls.includes('update Cluster train-a {"nodeCount":4}'));
});

test('a create that fails after the cloud accepted it keeps the resource in state', async () => {
  const p = fakeProvider();
  p.cloud.failCreateAfterAccept = new AicloudError('OPERATION_FAILED', 'the allocator gave up');
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  assert.equal(apply.diagnostics?.[0]?.severity, 1);
  assert.match(apply.diagnostics![0]!.summary, /the allocator gave up/);
  assert.equal(apply.state!.id, 'id-1');
  assert.equal(apply.state!.status, 'failed');
});

test('a create the cloud refused leaves no state', async () => {
  const p = fakeProvider();
  await p.cloud.create('Cluster', { name: 'train-a' });
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  assert.match(apply.diagnostics![0]!.summary, /already exists/);
  // The existing resource belongs to someone else's state, but the provider cannot tell: it records it
  // rather than leak it, and Terraform marks it tainted.
  assert.equal(apply.state!.name, 'train-a');
});

test('delete empties the state', async () => {
  const p = fakeProvider();
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  const gone = await p.apply('aicloud_cluster', apply.state!, null);
  assert.equal(gone.state, null);
  assert.equal(p.cloud.resources.size, 0);
});

test('read shows drift and returns null once the resource is gone', async () => {
  const p = fakeProvider();
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  p.cloud.resources.get('Cluster/train-a')!.spec.nodeCount = 5;
  const drifted = await p.read('aicloud_cluster', apply.state!);
  assert.equal(drifted.state!.node_count, 5);
  const replan = await p.plan('aicloud_cluster', drifted.state!, cluster);
  assert.equal(replan.planned!.node_count, 2);
  p.cloud.resources.clear();
  assert.equal((await p.read('aicloud_cluster', apply.state!)).state, null);
});

test('a bad timeout is reported on its attribute', async () => {
  const p = fakeProvider();
  const res = await p.validate('aicloud_cluster', { ...cluster, timeouts: { create: 'soon' } });
  assert.deepEqual(res.diagnostics?.[0]?.attribute, { steps: [{ attribute_name: 'timeouts' }, { attribute_name: 'create' }] });
});

test('validation names attributes in snake_case', async () => {
  const p = fakeProvider();
  const res = await p.validate('aicloud_cluster', { ...cluster, node_count: 0, accelerator_type: 'ascend-910x' });
  const paths = res.diagnostics!.map((d) => d.attribute?.steps.map((s) => s.attribute_name).join('.'));
  assert.deepEqual(paths.sort(), ['accelerator_type', 'node_count']);
});

test('the timeouts block bounds each operation, and updates carry the version last read', async () => {
  const p = fakeProvider();
  const first = await p.planAndApply('aicloud_cluster', null, { ...cluster, timeouts: { create: '90s', update: '2m' } });
  assert.equal(p.cloud.lastOptions?.timeoutMs, 90_000);
  assert.equal(typeof p.cloud.lastOptions?.idempotencyKey, 'string');
  await p.planAndApply('aicloud_cluster', first.apply.state!, { ...cluster, node_count: 3, timeouts: { create: '90s', update: '2m' } }, first.apply.private);
  assert.equal(p.cloud.lastOptions?.timeoutMs, 120_000);
  assert.equal(p.cloud.lastOptions?.ifMatch, 1);
  await p.apply('aicloud_cluster', first.apply.state!, null);
  assert.equal(p.cloud.lastOptions?.timeoutMs, 30 * 60_000);
});

test('an update refused because the resource moved since plan keeps the cloud state', async () => {
  const p = fakeProvider();
  const first = await p.planAndApply('aicloud_cluster', null, cluster);
  const plan = await p.plan('aicloud_cluster', first.apply.state!, { ...cluster, node_count: 3 });
  p.cloud.resources.get('Cluster/train-a')!.resourceVersion = 7;
  const res = await p.apply('aicloud_cluster', first.apply.state!, plan.planned!, first.apply.private);
  assert.match(res.diagnostics![0]!.summary, /changed/);
  assert.equal(res.state!.node_count, 2);
});
