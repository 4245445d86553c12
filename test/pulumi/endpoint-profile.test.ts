import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from './harness/engine.ts';
import { Secret } from './harness/engine-values.ts';
import { startPlugin } from './harness/plugin-process.ts';
import { startTestCloud } from './harness/control-plane.ts';

const ENDPOINT = 'aicloud:inference:ModelEndpoint';
const inputs = {
  name: 'chat-mig',
  region: 'cn-southwest-2',
  cluster: 'dev-mig',
  model: { name: 'qwen2.5-7b', bucket: 'weights', path: 'qwen/7b', parametersBillions: 7, precision: 'int8' },
  runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
  replicas: 2,
  acceleratorsPerReplica: 1,
  acceleratorProfile: '1g.18gb',
  contextLength: 4096,
  sequencesPerReplica: 4,
};

test('Check and Diff over the gRPC protocol: acceleratorProfile is checked against the cluster type, replaces on change, and places on instances', async () => {
  const cloud = await startTestCloud();
  const plugin = await startPlugin({ AICLOUD_ENDPOINT: '', AICLOUD_TOKEN: '', AICLOUD_PROJECT: '', AICLOUD_REGION: '' });
  const engine = new Engine(plugin.port);
  try {
    await engine.configure({ endpoint: cloud.url, token: new Secret(cloud.token) });
    await cloud.client.create('Cluster', {
      name: 'dev-mig',
      zone: 'cn-southwest-2b',
      acceleratorType: 'nvidia-h200',
      nodeCount: 1,
      acceleratorProfile: '1g.18gb',
      profileCount: 3,
    });

    const wrong = await engine.check({ type: ENDPOINT, name: 'chat-mig', inputs: { ...inputs, acceleratorProfile: '1g.10gb' } }, {});
    assert.deepEqual(
      wrong.failures.map((f) => f.property),
      ['acceleratorProfile'],
    );
    assert.match(wrong.failures[0]!.reason, /acceleratorProfile 1g\.10gb is not a profile of nvidia-h200; allowed: 1g\.18gb/);
    const tensor = await engine.check({ type: ENDPOINT, name: 'chat-mig', inputs: { ...inputs, acceleratorsPerReplica: 2, parallelism: { tensor: 2 } } }, {});
    assert.deepEqual(tensor.failures.map((f) => f.property).sort(), ['acceleratorsPerReplica', 'parallelism.tensor']);

    const checked = await engine.check({ type: ENDPOINT, name: 'chat-mig', inputs }, {});
    assert.deepEqual(checked.failures, []);
    assert.equal(checked.inputs.acceleratorProfile, '1g.18gb');

    const urn = engine.urn(ENDPOINT, 'chat-mig');
    const made = await engine.create(urn, ENDPOINT, checked.inputs);
    const placements = made.outputs.replicaPlacements as { slice?: { profile: string; accelerator: string } }[];
    assert.equal(placements.length, 2);
    assert.ok(
      placements.every((p) => p.slice?.profile === '1g.18gb'),
      JSON.stringify(placements),
    );
    assert.equal(made.outputs.acceleratorProfile, '1g.18gb');

    const same = await engine.diff(urn, ENDPOINT, made.id, made.outputs, checked.inputs, checked.inputs);
    assert.equal(same.changes, 'none', JSON.stringify(same));
    const news = (await engine.check({ type: ENDPOINT, name: 'chat-mig', inputs: { ...inputs, acceleratorProfile: '2g.35gb' } }, checked.inputs)).inputs;
    const changed = await engine.diff(urn, ENDPOINT, made.id, made.outputs, checked.inputs, news);
    assert.equal(changed.changes, 'some');
    assert.deepEqual(changed.replaces, ['acceleratorProfile']);
    assert.equal(changed.deleteBeforeReplace, true, 'two copies of one endpoint cannot exist at once');
    assert.deepEqual(await cloud.admin('GET', '/v1/admin/invariants'), { ok: true, violations: [] });
  } finally {
    engine.close();
    await plugin.stop();
    await cloud.close();
  }
});
