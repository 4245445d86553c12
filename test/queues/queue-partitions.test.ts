// Partitioned clusters (MIG instances on one H200 server) that name a queue: the queue counts each
// instance as its share of an accelerator, a request over quota waits, and it starts when quota frees.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const mig = (name: string, profileCount: number) => ({
  name,
  zone: 'cn-southwest-2b',
  acceleratorType: 'nvidia-h200',
  nodeCount: 1,
  acceleratorProfile: '1g.18gb',
  profileCount,
  queue: 'mig',
});

describe('queued partitioned clusters', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer();
  });
  after(() => s.close());
  const clean = (when: string) => s.invariantsClean(when);

  it("waits on its queue's quota counted by share, and is admitted with its slices when quota frees", async () => {
    assert.equal((await s.call('POST', `${P}/queues`, { name: 'mig', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 1 }] })).status, 202);
    const m1 = await s.call('POST', `${P}/clusters`, mig('m1', 7));
    assert.equal(m1.status, 202, JSON.stringify(m1.body));
    assert.equal(m1.body.resource.status, 'ready');
    assert.equal(m1.body.resource.allocation.slices.length, 7);

    const m2 = await s.call('POST', `${P}/clusters`, mig('m2', 2));
    assert.equal(m2.body.resource.status, 'pending');
    assert.equal(
      m2.body.resource.statusReason,
      'waiting for 2 x 1g.18gb of nvidia-h200 on one server; position 1; queue default/mig uses 0.875 of 1 nvidia-h200 (nominal 1); asked 0.25',
    );
    const view = (await s.call('GET', `${P}/queues/mig`)).body;
    assert.deepEqual(view.outputs.usage, [{ acceleratorType: 'nvidia-h200', admitted: 0.875, borrowed: 0, pending: 0.25 }]);
    await clean('with a partition request waiting');

    const never = await s.call('POST', `${P}/clusters`, mig('m9', 9));
    assert.equal(never.status, 409);
    assert.equal(never.body.code, 'QUOTA_EXCEEDED');
    assert.match(never.body.message, /9 x 1g.18gb are 1.125 nvidia-h200; queue mig may hold 1/);

    assert.equal((await s.call('DELETE', `${P}/clusters/m1`)).status, 202);
    const admitted = (await s.call('GET', `${P}/clusters/m2`)).body;
    assert.equal(admitted.status, 'ready', admitted.statusReason);
    assert.equal(admitted.allocation.slices.length, 2);
    assert.equal(admitted.outputs.acceleratorCount, 0);
    assert.equal((await s.call('GET', `${P}/operations/${m2.body.operation.id}`)).body.status, 'done');
    await clean('after admission');
  });
});
