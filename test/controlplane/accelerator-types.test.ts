import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from './helpers.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

const ZONE = 'cn-southwest-2b';

describe('clusters that accept several accelerator types, through the API', () => {
  let s: Server;
  let token: string;
  before(async () => {
    s = await testServer();
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'types-team' })).status, 201);
    token = (await s.call('POST', '/v1/admin/projects/types-team/tokens')).body.token;
  });
  after(() => s.close());

  it('places on the second listed type when the first is full, says so, and charges and prices the type chosen', async () => {
    const h200 = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body.servers.length as number;
    const full = await s.call('POST', '/v1/projects/default/clusters', {
      name: 'all-h200',
      zone: ZONE,
      acceleratorType: 'nvidia-h200',
      nodeCount: h200,
      placement: 'zone',
    });
    assert.equal(full.status, 202);
    assert.equal((await s.call('PUT', '/v1/admin/projects/types-team/quotas/ascend-910c', { limit: 64 })).status, 200);
    const either = { name: 'either', zone: ZONE, acceleratorTypes: ['nvidia-h200', 'ascend-910c'], nodeCount: 2, placement: 'zone' };
    const made = await s.call('POST', '/v1/projects/types-team/clusters', either, {}, token);
    assert.equal(made.status, 202, JSON.stringify(made.body));
    const r = made.body.resource;
    assert.equal(r.outputs.acceleratorType, 'ascend-910c');
    assert.equal(r.outputs.acceleratorCount, 16);
    assert.equal(r.outputs.hourlyCost, 16 * 2.4);
    assert.deepEqual(r.spec.acceleratorTypes, ['nvidia-h200', 'ascend-910c']);
    assert.equal(r.spec.acceleratorType, undefined);
    const quota = (await s.call('PUT', '/v1/admin/projects/types-team/quotas/ascend-910c', { limit: 64 })).body;
    assert.deepEqual(quota, { project: 'types-team', acceleratorType: 'ascend-910c', limit: 64, used: 16 });
    const h200Quota = (await s.call('PUT', '/v1/admin/projects/types-team/quotas/nvidia-h200', { limit: 64 })).body;
    assert.equal(h200Quota.used, 0);

    // Reordering keeps the cluster; dropping the type it runs on would replace it.
    const reordered = await s.call('PATCH', '/v1/projects/types-team/clusters/either', { acceleratorTypes: ['ascend-910c', 'nvidia-h200'] }, {}, token);
    assert.ok(reordered.status === 200 || reordered.status === 202, JSON.stringify(reordered.body));
    assert.equal(reordered.body.resource.outputs.acceleratorType, 'ascend-910c');
    const dropped = await s.call('PATCH', '/v1/projects/types-team/clusters/either', { acceleratorTypes: ['nvidia-h200'] }, {}, token);
    assert.equal(dropped.body.code, 'FIELD_REQUIRES_REPLACE');
    assert.equal(dropped.body.field, 'acceleratorTypes');
  });

  it('leases a cluster listing several types on the type chosen, and the create takes that lease', async () => {
    const want = { name: 'leased-either', zone: ZONE, acceleratorTypes: ['nvidia-h200', 'ascend-910c'], nodeCount: 1, placement: 'zone' };
    const preview = await s.call('POST', '/v1/projects/default/placements:preview', { requests: [{ action: 'create', ...want }] });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.results[0].acceleratorType, 'ascend-910c');
    const lease = await s.call('POST', '/v1/projects/default/leases', {
      requests: [{ action: 'create', ...want }],
      ttlSeconds: 600,
      planDigest: 'sha256:types',
    });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    assert.equal(lease.body.holdings[0].acceleratorType, 'ascend-910c');
    const drawn = await s.call('POST', '/v1/projects/default/clusters', want, { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
    assert.deepEqual(drawn.body.resource.allocation.servers, lease.body.holdings[0].allocation.servers);
    assert.equal(drawn.body.resource.outputs.acceleratorType, 'ascend-910c');
    assert.equal((await s.call('GET', `/v1/projects/default/leases/${lease.body.id}`)).body.status, 'consumed');
  });

  it('refuses a list with a type twice, or both fields, naming the field', async () => {
    const twice = await s.call(
      'POST',
      '/v1/projects/types-team/clusters',
      { name: 'twice', zone: ZONE, acceleratorTypes: ['ascend-910c', 'ascend-910c'], nodeCount: 1 },
      {},
      token,
    );
    assert.equal(twice.status, 400);
    assert.match(JSON.stringify(twice.body), /acceleratorTypes\[1\]/);
    const both = await s.call(
      'POST',
      '/v1/projects/types-team/clusters',
      { name: 'both', zone: ZONE, acceleratorType: 'ascend-910c', acceleratorTypes: ['ascend-910c'], nodeCount: 1 },
      {},
      token,
    );
    assert.equal(both.status, 400);
    assert.match(JSON.stringify(both.body), /CONFLICTING_FIELDS/);
  });
});
