import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { TRAIN_A, testServer } from './helpers.ts';

describe('time-based operations under a virtual clock', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 1, clock });
  });
  after(() => s.close());

  it('a cluster provisions for 30 s, an update and a delete advance only when due', async () => {
    const c = await s.call('POST', '/v1/projects/default/clusters', TRAIN_A);
    assert.equal(c.status, 202);
    assert.equal(c.body.resource.status, 'provisioning');
    assert.equal(c.body.operation.status, 'running');
    const opPath = `/v1/projects/default/operations/${c.body.operation.id}`;
    clock.advance(29_999);
    assert.equal((await s.call('GET', opPath)).body.status, 'running');
    assert.equal((await s.call('GET', '/v1/projects/default/clusters/train-a')).body.status, 'provisioning');
    clock.advance(1);
    const done = (await s.call('GET', opPath)).body;
    assert.equal(done.status, 'done');
    assert.equal(done.doneAt, new Date(clock.now()).toISOString());
    assert.equal((await s.call('GET', '/v1/projects/default/clusters/train-a')).body.status, 'ready');

    const u = await s.call('PATCH', '/v1/projects/default/clusters/train-a', { nodeCount: 5 });
    assert.equal(u.body.resource.status, 'updating');
    clock.advance(30_000);
    assert.equal((await s.call('GET', '/v1/projects/default/clusters/train-a')).body.status, 'ready');

    const d = await s.call('DELETE', '/v1/projects/default/clusters/train-a');
    assert.equal(d.body.resource.status, 'deleting');
    // Accelerators stay held until the delete finishes (6 s for a cluster at scale 1).
    const capBusy = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0];
    assert.equal(capBusy.total - capBusy.free, 40);
    clock.advance(6_000);
    assert.equal((await s.call('GET', '/v1/projects/default/clusters/train-a')).status, 404);
    const capFree = (await s.call('GET', '/v1/capacity?zone=cn-southwest-2a&acceleratorType=ascend-910c')).body.zones[0];
    assert.equal(capFree.free, capFree.total);
  });

  it('per-kind latencies: a bucket is ready after 1 s, a volume after 3 s', async () => {
    await s.call('POST', '/v1/projects/default/buckets', { name: 'clock-bucket' });
    await s.call('POST', '/v1/projects/default/volumes', { name: 'clock-vol', zone: 'cn-southwest-2a', sizeGib: 10 });
    clock.advance(1_000);
    assert.equal((await s.call('GET', '/v1/projects/default/buckets/clock-bucket')).body.status, 'ready');
    assert.equal((await s.call('GET', '/v1/projects/default/volumes/clock-vol')).body.status, 'provisioning');
    clock.advance(2_000);
    assert.equal((await s.call('GET', '/v1/projects/default/volumes/clock-vol')).body.status, 'ready');
  });

  it('an injected operation failure marks the operation and the resource failed, with a reason', async () => {
    await s.call('POST', '/v1/admin/faults', { spec: 'opfail=1' });
    const c = await s.call('POST', '/v1/projects/default/filesystems', { name: 'ckpt', zone: 'cn-southwest-2a', capacityTib: 10 });
    await s.call('DELETE', '/v1/admin/faults');
    assert.equal(c.body.operation.status, 'running');
    clock.advance(10_000);
    const op = (await s.call('GET', `/v1/projects/default/operations/${c.body.operation.id}`)).body;
    assert.equal(op.status, 'failed');
    assert.equal(op.error.code, 'OPERATION_FAILED');
    const fs = (await s.call('GET', '/v1/projects/default/filesystems/ckpt')).body;
    assert.equal(fs.status, 'failed');
    assert.match(fs.statusReason, /injected fault/);
  });
});
