// The placement preview judges a plan's new queued endpoints against their queue's quota, in plan
// order, as their admission then does: the endpoint that fits the quota previews `fits`, the one
// after it `will queue` with the quota reason, and the creates do the same.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointBody, testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const replicas = (name: string, per: number) => ({ action: 'replicas', name, cluster: 'serve', replicas: 1, acceleratorsPerReplica: per, queue: 'serving' });
const ep = (name: string, per: number) =>
  endpointBody(name, 'serve', { acceleratorsPerReplica: per, parallelism: { tensor: per }, replicas: 1, queue: 'serving' });

describe('the placement preview of queued endpoints against their quota', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    const q = await s.call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    // Two servers: room for both endpoints; the queue's quota of 8 holds only the first.
    const c = await s.call('POST', `${P}/clusters`, {
      name: 'serve',
      zone: 'cn-southwest-2a',
      acceleratorType: 'ascend-910c',
      nodeCount: 2,
      placement: 'zone',
    });
    assert.equal(c.status, 202, JSON.stringify(c.body));
  });
  after(() => s.close());

  it('says will queue for the endpoint the quota cannot hold after the earlier one, and the creates agree', async () => {
    const r = await s.call('POST', `${P}/placements:preview`, { requests: [replicas('e1', 8), replicas('e2', 4)] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [a, b] = r.body.results;
    assert.equal(a.fits, true, JSON.stringify(a));
    assert.equal(b.fits, false, JSON.stringify(b));
    assert.equal(b.queued, true);
    assert.equal(b.code, 'QUOTA_EXCEEDED');
    assert.match(b.message, /^waits in queue serving: queue default\/serving uses 8 of 8 ascend-910c/);

    // Alone, the second fits: it is the first that takes the quota.
    const alone = await s.call('POST', `${P}/placements:preview`, { requests: [replicas('e2', 4)] });
    assert.equal(alone.body.results[0].fits, true, JSON.stringify(alone.body));

    const e1 = await s.call('POST', `${P}/endpoints`, ep('e1', 8));
    assert.equal(e1.body.resource.status, 'ready', JSON.stringify(e1.body));
    const e2 = await s.call('POST', `${P}/endpoints`, ep('e2', 4));
    assert.equal(e2.body.resource.status, 'pending', JSON.stringify(e2.body));
    assert.match(e2.body.resource.statusReason, /quota|uses 8 of 8/);

    // With e1 running, the preview of e2 says what its create did.
    const again = await s.call('POST', `${P}/placements:preview`, { requests: [replicas('e3', 4)] });
    assert.equal(again.body.results[0].queued, true, JSON.stringify(again.body));
    await s.invariantsClean('after the creates');
  });
});
