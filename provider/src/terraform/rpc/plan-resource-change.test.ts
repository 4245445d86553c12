import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TfUnknown } from '../cty/unknown-value.ts';
import { fakeProvider } from '../testing/rpc-driver.ts';

const cluster = { name: 'train-a', zone: 'cn-southwest-2a', accelerator_type: 'ascend-910c', node_count: 2 };

test('a create plans defaults and leaves outputs unknown', async () => {
  const p = fakeProvider();
  const { planned, diagnostics } = await p.plan('aicloud_cluster', null, cluster);
  assert.deepEqual(diagnostics, []);
  assert.equal(planned!.placement, 'zone');
  assert.equal(planned!.region, 'cn-southwest-2');
  assert.ok(planned!.id instanceof TfUnknown);
  assert.ok(planned!.status instanceof TfUnknown);
  assert.equal(planned!.labels, null);
});

test('unknown configuration stays unknown in the plan', async () => {
  const p = fakeProvider();
  const { planned, diagnostics } = await p.plan('aicloud_kv_cache_pool', null, {
    name: 'kv',
    cluster: new TfUnknown(),
    tiers: { hbm_gib: 16 },
    region: 'cn-southwest-2',
  });
  assert.deepEqual(diagnostics, []);
  assert.ok(planned!.cluster instanceof TfUnknown);
  assert.equal((planned!.tiers as Record<string, unknown>).hbm_gib, 16);
});

test('the same configuration after apply plans no change', async () => {
  const p = fakeProvider();
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  assert.deepEqual(apply.diagnostics, []);
  const again = await p.plan('aicloud_cluster', apply.state!, cluster);
  assert.deepEqual(again.planned, apply.state);
  assert.deepEqual(again.requires_replace, []);
});

test('nodeCount changes update in place; acceleratorType changes replace', async () => {
  const p = fakeProvider();
  const { apply } = await p.planAndApply('aicloud_cluster', null, cluster);
  const grow = await p.plan('aicloud_cluster', apply.state!, { ...cluster, node_count: 3 });
  assert.deepEqual(grow.requires_replace, []);
  assert.equal(grow.planned!.id, apply.state!.id);
  const swap = await p.plan('aicloud_cluster', apply.state!, { ...cluster, accelerator_type: 'ascend-910b' });
  assert.deepEqual(swap.requires_replace, [{ steps: [{ attribute_name: 'accelerator_type' }] }]);
  assert.ok(swap.planned!.id instanceof TfUnknown);
});

test('a nested replace-on-change field names its full path', async () => {
  const p = fakeProvider();
  const prior = {
    name: 'ep',
    cluster: 'train-a',
    region: 'cn-southwest-2',
    accelerators_per_replica: 8,
    model: { name: 'm', bucket: 'weights', path: 'm/', parameters_billions: 8, precision: 'bf16' },
    runtime: { framework: 'vllm-ascend', software_stack: 'cann-8.1' },
    replicas: 1,
    parallelism: { tensor: 8 },
  };
  const { apply } = await p.planAndApply('aicloud_model_endpoint', null, prior);
  assert.deepEqual(apply.diagnostics, []);
  const changed = await p.plan('aicloud_model_endpoint', apply.state!, { ...prior, model: { ...prior.model, precision: 'int8' } });
  assert.deepEqual(changed.requires_replace, [{ steps: [{ attribute_name: 'model' }, { attribute_name: 'precision' }] }]);
});

test('a cluster that will not fit is an error at plan time', async () => {
  const p = fakeProvider();
  p.cloud.fits = false;
  const { diagnostics } = await p.plan('aicloud_cluster', null, cluster);
  assert.equal(diagnostics?.length, 1);
  assert.match(diagnostics![0]!.summary, /will not fit/);
  assert.deepEqual(diagnostics![0]!.attribute, { steps: [{ attribute_name: 'node_count' }] });
});

test('shrinking a volume is refused at plan time', async () => {
  const p = fakeProvider();
  const vol = { name: 'v1', zone: 'cn-southwest-2a', size_gib: 100 };
  const { apply } = await p.planAndApply('aicloud_volume', null, vol);
  const { diagnostics } = await p.plan('aicloud_volume', apply.state!, { ...vol, size_gib: 50 });
  assert.ok(diagnostics?.some((d) => d.severity === 1 && d.attribute?.steps[0]?.attribute_name === 'size_gib'));
});

test('a cluster listing several types: dropping a type it does not run on updates, dropping the one it runs on replaces', async () => {
  const p = fakeProvider();
  const listed = { name: 'either', zone: 'cn-southwest-2b', accelerator_types: ['nvidia-h200', 'ascend-910c'], node_count: 1 };
  const { apply } = await p.planAndApply('aicloud_cluster', null, listed);
  assert.deepEqual(apply.diagnostics, []);
  // Prior state holds the type the cloud chose (accelerator_type is computed).
  const prior: Record<string, unknown> = { ...apply.state!, accelerator_type: 'ascend-910c' };
  const dropOther = await p.plan('aicloud_cluster', prior, { ...listed, accelerator_types: ['ascend-910c'] });
  assert.deepEqual(dropOther.diagnostics, []);
  assert.deepEqual(dropOther.requires_replace, []);
  assert.equal(dropOther.planned!.id, prior.id);
  const dropChosen = await p.plan('aicloud_cluster', prior, { ...listed, accelerator_types: ['nvidia-h200'] });
  assert.deepEqual(dropChosen.requires_replace, [{ steps: [{ attribute_name: 'accelerator_types' }] }]);
});

test('an endpoint on a cluster whose type is still open must suit every listed type; once the cluster runs on one, that type decides', async () => {
  const p = fakeProvider();
  await p.cloud.create('Cluster', {
    name: 'open',
    region: 'cn-southwest-2',
    zone: 'cn-southwest-2a',
    acceleratorTypes: ['ascend-910c', 'ascend-910b'],
    nodeCount: 1,
    placement: 'zone',
  });
  // 40B parameters in bf16 need 75.5 GiB a replica: one 910C (128 GiB) holds them, one 910B (64 GiB) does not.
  const endpoint = {
    name: 'big',
    cluster: 'open',
    accelerators_per_replica: 1,
    replicas: 1,
    model: { name: 'm40', bucket: 'weights', path: 'm/', parameters_billions: 40 },
    runtime: { framework: 'mindie', software_stack: 'cann-8.1' },
  };
  const open = await p.plan('aicloud_model_endpoint', null, endpoint);
  const errors = (open.diagnostics ?? []).filter((d) => d.severity === 1);
  assert.equal(errors.length, 1, JSON.stringify(open.diagnostics));
  assert.match(JSON.stringify(errors[0]), /1 x ascend-910b offer 64\.0 GiB.*may start on ascend-910b/);
  assert.match(JSON.stringify(errors[0]), /accelerators_per_replica/);

  // The cloud chose ascend-910c (the cluster's acceleratorType output): the model fits there.
  p.cloud.resources.get('Cluster/open')!.outputs = { acceleratorType: 'ascend-910c' };
  const chosen = await p.plan('aicloud_model_endpoint', null, endpoint);
  assert.deepEqual(chosen.diagnostics, []);
});
