import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const cluster = { name: 'big', zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount: 4, placement: 'zone', queue: 'small' };

describe('the placement preview and the create give a queued cluster the same verdict', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    // 16 accelerators at most: four servers of 8 are 32, so this queue could never admit the cluster.
    const q = await s.call('POST', `${P}/queues`, { name: 'small', quotas: [{ acceleratorType: 'ascend-910c', nominal: 16 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
  });
  after(() => s.close());

  it('a queue that could never admit it is a refusal in the preview, not "will queue", with the create\'s code and field', async () => {
    const preview = await s.call('POST', `${P}/placements:preview`, { requests: [{ action: 'create', ...cluster }] });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const [outcome] = preview.body.results;
    assert.equal(outcome.fits, false);
    assert.equal(outcome.queued, undefined);
    assert.equal(outcome.code, 'QUOTA_EXCEEDED');
    assert.match(outcome.message, /4 ascend-910c servers are 32 accelerators; queue small may hold 16/);

    const create = await s.call('POST', `${P}/clusters`, cluster);
    assert.equal(create.status, 409, JSON.stringify(create.body));
    assert.equal(create.body.code, outcome.code);
    assert.equal(create.body.message, outcome.message);
    assert.equal(create.body.field, 'nodeCount');
  });

  it("a queue that could admit it leaves the preview's answer as it was", async () => {
    const preview = await s.call('POST', `${P}/placements:preview`, { requests: [{ action: 'create', ...cluster, nodeCount: 2 }] });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.results[0].fits, true, JSON.stringify(preview.body));
  });
});
