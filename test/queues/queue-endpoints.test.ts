// Model endpoints that name a queue wait for room inside their cluster instead of being refused:
// admitted when another endpoint leaves, when the cluster grows, or when the cluster itself is admitted;
// preempted only by higher priority; a deleted waiting endpoint ends its create as CANCELLED.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointBody, testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const cluster = (name: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  name,
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount,
  placement: 'zone',
  ...extra,
});
const ep = (name: string, on: string, replicas: number, per: number, extra: Record<string, unknown> = {}) =>
  endpointBody(name, on, { acceleratorsPerReplica: per, parallelism: { tensor: per }, replicas, queue: 'serving', ...extra });

describe('queued model endpoints', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer();
  });
  after(() => s.close());

  const clean = (when: string) => s.invariantsClean(when);
  const get = async (name: string) => (await s.call('GET', `${P}/endpoints/${name}`)).body;
  let admittedId = '';

  it('waits behind the endpoint that fills its cluster and is admitted when that one is deleted', async () => {
    const q = await s.call('POST', `${P}/queues`, {
      name: 'serving',
      admissionPolicy: 'priority',
      preemption: 'lowerPriority',
      quotas: [{ acceleratorType: 'ascend-910c', nominal: 64 }],
    });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('serve', 1))).status, 202);

    const e1 = await s.call('POST', `${P}/endpoints`, ep('e1', 'serve', 1, 8));
    assert.equal(e1.status, 202, JSON.stringify(e1.body));
    assert.equal(e1.body.resource.status, 'ready', 'an endpoint that fits is admitted at once');
    assert.equal(e1.body.resource.outputs.replicaPlacements.length, 1);
    assert.match(e1.body.resource.outputs.url, /^https:\/\/e1\.default\./);

    const e2 = await s.call('POST', `${P}/endpoints`, ep('e2', 'serve', 1, 4));
    assert.equal(e2.status, 202, JSON.stringify(e2.body));
    assert.equal(e2.body.resource.status, 'pending');
    assert.equal(e2.body.resource.statusReason, 'waiting for 1 replica of 4 ascend-910c in cluster serve; position 1');
    assert.equal(e2.body.resource.outputs.url, undefined, 'no url before admission');
    assert.deepEqual(e2.body.resource.outputs.replicaPlacements, []);
    assert.equal(e2.body.operation.status, 'running');
    assert.equal(e2.body.operation.dueAt, null);
    assert.match(e2.body.resource.outputs.apiKey, /^sk-aic-/, 'the creator gets the API key at once');
    await clean('with an endpoint waiting');

    // Without a queue an endpoint that does not fit is refused at once, as before.
    const now = await s.call('POST', `${P}/endpoints`, endpointBody('e-now', 'serve', { acceleratorsPerReplica: 4, parallelism: { tensor: 4 }, replicas: 1 }));
    assert.equal(now.status, 409);
    assert.equal(now.body.code, 'CAPACITY_EXHAUSTED');

    const view = (await s.call('GET', `${P}/queues/serving`)).body;
    assert.equal(view.outputs.pendingCount, 1);
    assert.deepEqual(view.outputs.usage, [{ acceleratorType: 'ascend-910c', admitted: 8, borrowed: 0, pending: 4 }]);
    // A waiting endpoint cannot change until it is admitted.
    assert.equal((await s.call('PATCH', `${P}/endpoints/e2`, { replicas: 2 })).body.code, 'RESOURCE_PENDING');

    assert.equal((await s.call('DELETE', `${P}/endpoints/e1`)).status, 202);
    const admitted = await get('e2');
    assert.equal(admitted.status, 'ready', admitted.statusReason);
    assert.equal(admitted.outputs.replicaPlacements.length, 1);
    assert.match(admitted.outputs.url, /^https:\/\/e2\.default\./);
    assert.equal((await s.call('GET', `${P}/operations/${e2.body.operation.id}`)).body.status, 'done');
    await clean('after admission');
  });

  it('an endpoint waiting for more than its cluster holds is admitted when the cluster grows; a later one may not take the room first', async () => {
    const e3 = await s.call('POST', `${P}/endpoints`, ep('e3', 'serve', 2, 8));
    assert.equal(e3.body.resource.status, 'pending');
    assert.equal(e3.body.resource.statusReason, 'waiting for 2 replicas of 8 ascend-910c in cluster serve; position 1');
    // 4 accelerators of serve are free, but e3 waits for serve first.
    const e4 = await s.call('POST', `${P}/endpoints`, ep('e4', 'serve', 1, 4));
    assert.equal(e4.body.resource.status, 'pending');
    assert.equal(e4.body.resource.statusReason, 'waiting for 1 replica of 4 ascend-910c in cluster serve; position 2');

    const grow = await s.call('PATCH', `${P}/clusters/serve`, { nodeCount: 3 });
    assert.equal(grow.status, 202, JSON.stringify(grow.body));
    assert.equal((await get('e3')).status, 'ready');
    assert.equal((await get('e4')).status, 'ready', 'after the head, the next one fits too');
    assert.equal((await get('e3')).outputs.replicaPlacements.length, 2);
    await clean('after the cluster grew');
  });

  it('an equal-priority endpoint waits (deleting it cancels its create); a higher-priority one preempts a lower-priority preemptible one, which waits again', async () => {
    // serve: 24 accelerators; e2 4 + e3 16 + e4 4 hold all of them.
    assert.equal((await s.call('DELETE', `${P}/endpoints/e4`)).status, 202);
    const low = await s.call('POST', `${P}/endpoints`, ep('low', 'serve', 1, 4, { preemptible: true }));
    assert.equal(low.body.resource.status, 'ready');
    const firm = await s.call('POST', `${P}/endpoints`, ep('firm', 'serve', 1, 4, { priority: 0 }));
    assert.equal(firm.body.resource.status, 'pending', 'equal priority waits');
    assert.equal((await s.call('DELETE', `${P}/endpoints/firm`)).status, 202);
    const cancelled = (await s.call('GET', `${P}/operations/${firm.body.operation.id}`)).body;
    assert.equal(cancelled.status, 'failed');
    assert.equal(cancelled.error.code, 'CANCELLED');

    const urgent = await s.call('POST', `${P}/endpoints`, ep('urgent', 'serve', 1, 4, { priority: 5 }));
    assert.equal(urgent.body.resource.status, 'ready', urgent.body.resource.statusReason);
    const evicted = await get('low');
    assert.equal(evicted.status, 'pending');
    assert.match(evicted.statusReason, /^waiting for 1 replica of 4 ascend-910c in cluster serve; position 1/);
    assert.deepEqual(evicted.outputs.replicaPlacements, []);
    assert.equal(evicted.outputs.url, undefined);
    await clean('after the preemption');

    assert.equal((await s.call('DELETE', `${P}/endpoints/low`)).status, 202);
    assert.equal((await s.call('GET', `${P}/endpoints/low`)).status, 404);
    const view = (await s.call('GET', `${P}/queues/serving`)).body;
    assert.equal(view.outputs.pendingCount, 0);
    await clean('after deleting the waiting endpoint');
  });

  it('an endpoint on a cluster that waits in its own queue waits too and starts with it', async () => {
    const q = await s.call('POST', `${P}/queues`, { name: 'tiny', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 }] });
    assert.equal(q.status, 202);
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('first', 1, { queue: 'tiny' }))).body.resource.status, 'ready');
    const second = await s.call('POST', `${P}/clusters`, cluster('second', 1, { queue: 'tiny' }));
    assert.equal(second.body.resource.status, 'pending');
    const e = await s.call('POST', `${P}/endpoints`, ep('on-second', 'second', 1, 8));
    assert.equal(e.status, 202, JSON.stringify(e.body));
    assert.equal(
      e.body.resource.statusReason,
      'waiting for 1 replica of 8 ascend-910c in cluster second; position 1; cluster second is waiting in its own queue',
    );
    // A waiting cluster cannot be deleted while an endpoint names it.
    assert.equal((await s.call('DELETE', `${P}/clusters/second`)).status, 409);

    assert.equal((await s.call('DELETE', `${P}/clusters/first`)).status, 202);
    assert.equal((await s.call('GET', `${P}/clusters/second`)).body.status, 'ready');
    const started = await get('on-second');
    assert.equal(started.status, 'ready', started.statusReason);
    assert.equal(started.outputs.replicaPlacements.length, 1);
    await clean('after both were admitted');
  });

  it('a queue that could never hold the replicas refuses the endpoint at once', async () => {
    const r = await s.call('POST', `${P}/endpoints`, ep('huge', 'serve', 9, 8));
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'QUOTA_EXCEEDED');
    assert.match(r.body.message, /9 replicas x 8 ascend-910c are 72 accelerators; queue serving may hold 64/);
    const missing = await s.call('POST', `${P}/endpoints`, ep('nowhere', 'serve', 1, 1, { queue: 'nope' }));
    assert.equal(missing.body.code, 'DEPENDENCY_NOT_FOUND');
  });

  it('a running queued endpoint grows within its quota; shrinking lets a waiting one in', async () => {
    // serve: 24 accelerators, held by e2 (4), e3 (16) and urgent (4); on-second (8) is in the queue too.
    const waiter = await s.call('POST', `${P}/endpoints`, ep('waiter', 'serve', 1, 8));
    assert.equal(waiter.body.resource.status, 'pending');
    const over = await s.call('PATCH', `${P}/endpoints/e3`, { replicas: 7 });
    assert.equal(over.status, 409);
    assert.equal(over.body.code, 'QUOTA_EXCEEDED');
    assert.match(over.body.message, /^ModelEndpoint e3 would hold 56 ascend-910c: queue serving uses 16 of 64 ascend-910c \(nominal 64\); asked 56$/);
    const shrink = await s.call('PATCH', `${P}/endpoints/e3`, { replicas: 1 });
    assert.equal(shrink.status, 202, JSON.stringify(shrink.body));
    const admitted = await get('waiter');
    assert.equal(admitted.status, 'ready', admitted.statusReason);
    admittedId = admitted.id;
    const view = (await s.call('GET', `${P}/queues/serving`)).body;
    assert.deepEqual(view.outputs.usage, [{ acceleratorType: 'ascend-910c', admitted: 32, borrowed: 0, pending: 0 }]);
    await clean('after the resize');
  });

  it("a running endpoint that drops its queue leaves the queue's count; one that gains a queue joins it", async () => {
    const usage = async () => (await s.call('GET', `${P}/queues/serving`)).body.outputs.usage[0].admitted;
    const before = await usage();
    assert.equal((await s.call('PATCH', `${P}/endpoints/waiter`, { queue: null })).status, 202);
    assert.equal(await usage(), before - 8);
    const nowhere = await s.call('PATCH', `${P}/endpoints/waiter`, { queue: 'nope' });
    assert.equal(nowhere.body.code, 'DEPENDENCY_NOT_FOUND');
    assert.equal((await s.call('PATCH', `${P}/endpoints/waiter`, { queue: 'serving', priority: 2 })).status, 202);
    assert.equal(await usage(), before);
    const queues = (await s.call('GET', '/v1/admin/queues')).body;
    const waiter = queues.running.find((w: { id: string }) => w.id === admittedId);
    assert.equal(waiter?.priority, 2);
    await clean('after the queue changes');
  });
});
