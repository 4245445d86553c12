// A cluster that endpoints run inside is pinned: defragmentation neither moves nor preempts it while
// they run. Pinning is decided at each pass from what holds accelerators now, so once the endpoints
// leave, the cluster is movable again, as its `preemptible` flag says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { endpointBody, testServer } from '../controlplane/helpers.ts';
import { fragmentZone } from './fragments.ts';

const P = '/v1/projects/default';

describe('a preemptible cluster with endpoints inside', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 1, clock });
  });
  after(() => s.close());
  const clean = (when: string) => s.invariantsClean(when);

  it('is not moved while its endpoints run, and is moved for a waiting gang once they are deleted', async () => {
    await fragmentZone(s.call);
    clock.advance(60_000);
    // An endpoint inside every fragment: no fragment may move.
    for (let i = 0; i < 4; i++) {
      const e = await s.call(
        'POST',
        `${P}/endpoints`,
        endpointBody(`inside-${i}`, `frag-${i}`, { acceleratorsPerReplica: 8, parallelism: { tensor: 8 }, replicas: 1 }),
      );
      assert.equal(e.status, 202, JSON.stringify(e.body));
    }
    clock.advance(60_000);
    const g = await s.call('POST', `${P}/clusters`, {
      name: 'gang',
      zone: 'cn-southwest-2a',
      acceleratorType: 'ascend-910c',
      nodeCount: 48,
      placement: 'supernode',
      queue: 'fragments',
      priority: 10,
    });
    assert.equal(g.body.resource.status, 'pending', JSON.stringify(g.body));
    const pinned = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(pinned.status, 200, JSON.stringify(pinned.body));
    assert.deepEqual(pinned.body.movesStarted, [], 'a cluster with endpoints inside is not moved');
    await clean('with every fragment pinned');

    // The endpoints leave: the fragments are what they were declared, preemptible and so movable.
    for (let i = 0; i < 4; i++) assert.equal((await s.call('DELETE', `${P}/endpoints/inside-${i}`)).status, 202);
    // Their deletes are due now; the admin's defragmentation settles them before it plans.
    clock.advance(60_000);
    const moved = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.movesStarted.length, 1, JSON.stringify(moved.body));
    await clean('with a move in flight');
    clock.advance(10 * 60_000);
    const gang = (await s.call('GET', `${P}/clusters/gang`)).body;
    assert.notEqual(gang.status, 'pending', gang.statusReason);
    await clean('after the gang is admitted');
  });
});
