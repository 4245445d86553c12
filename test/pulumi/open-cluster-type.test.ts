// Pulumi's Check reads the cluster an endpoint names and asks the core as the cloud does: while a cluster
// that lists several accelerator types waits in its queue, the endpoint must suit every listed type; once
// the cluster runs on one, that type decides.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { until } from '../queues/fragments.ts';
import { startInProcessProvider, type InProcessProvider } from './harness/in-process-provider.ts';

const ZONE = 'cn-southwest-2a';
const EP = 'aicloud:inference:ModelEndpoint';
// 40B parameters in bf16 need 75.5 GiB a replica: one 910C (128 GiB) holds them, one 910B (64 GiB) does not.
const big = {
  name: 'big',
  cluster: 'open',
  model: { name: 'm40', bucket: 'weights', path: 'm/', parametersBillions: 40 },
  runtime: { framework: 'mindie', softwareStack: 'cann-8.1' },
  acceleratorsPerReplica: 1,
  replicas: 1,
};

let pulumi: InProcessProvider;
before(async () => {
  pulumi = await startInProcessProvider({ region: 'cn-southwest-2' });
  const c = pulumi.client;
  await c.create('Queue', {
    name: 'mixed',
    quotas: [
      { acceleratorType: 'ascend-910c', nominal: 8 },
      { acceleratorType: 'ascend-910b', nominal: 8 },
    ],
  });
  // The queue's 910C quota is used up and no 910B server is free, so `open` waits with its type open.
  await c.create('Cluster', { name: 'hog', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone', queue: 'mixed' });
  await c.create('Cluster', { name: 'fill', zone: ZONE, acceleratorType: 'ascend-910b', nodeCount: 32, placement: 'zone' });
  // The create waits for admission; stop waiting once the cloud shows the cluster pending.
  const stop = new AbortController();
  const waiting = c
    .create(
      'Cluster',
      { name: 'open', zone: ZONE, acceleratorTypes: ['ascend-910c', 'ascend-910b'], nodeCount: 1, placement: 'zone', queue: 'mixed' },
      { signal: stop.signal },
    )
    .catch(() => undefined);
  await until(
    () => c.get('Cluster', 'open'),
    (r) => r?.status === 'pending',
    'the cluster waiting in its queue',
  );
  stop.abort();
  await waiting;
});
after(async () => {
  await pulumi?.close();
});

test('Check refuses an endpoint that does not suit one of the types a waiting cluster may start on, naming that type', async () => {
  const { failures } = await pulumi.check(EP, 'big', {}, big);
  assert.equal(failures.length, 1, JSON.stringify(failures));
  assert.equal(failures[0]!.property, 'acceleratorsPerReplica');
  assert.match(failures[0]!.reason, /1 x ascend-910b offer 64\.0 GiB.*may start on ascend-910b/);
  assert.match(failures[0]!.reason, /ENDPOINT_DOES_NOT_FIT/);
});

test('once the cluster runs on a type, Check judges the endpoint on that type alone', async () => {
  // 910B servers free up while the 910C quota is still used up: the cluster starts on 910B, where the model does not fit either way.
  await pulumi.client.delete('Cluster', 'fill');
  const open = await until(
    () => pulumi.client.get('Cluster', 'open'),
    (r) => r?.status !== 'pending',
    'the cluster starting',
  );
  assert.equal(open?.outputs?.acceleratorType, 'ascend-910b');
  const { failures } = await pulumi.check(EP, 'big', {}, big);
  assert.equal(failures.length, 1, JSON.stringify(failures));
  assert.doesNotMatch(failures[0]!.reason, /may start on/, 'the type is no longer open');
  assert.match(failures[0]!.reason, /1 x ascend-910b offer 64\.0 GiB/);
  // A small model suits it.
  const small = await pulumi.check(EP, 'small', {}, { ...big, name: 'small', model: { ...big.model, parametersBillions: 7 } });
  assert.deepEqual(small.failures, []);
});
