// The read views the console draws from: occupancy (anonymous across projects, named for the admin)
// and the operation history, over real HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiRequest, createProjectWithToken, startControlPlane } from '../support/index.ts';

const cluster = (name: string, nodeCount: number) => ({ name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910c', nodeCount, placement: 'supernode' });

test("occupancy names the caller's holders, shows other projects only as held, and the admin sees every name", async (t) => {
  const cp = await startControlPlane(t);
  const a = await createProjectWithToken(cp.url, cp.adminToken, 'team-a');
  const b = await createProjectWithToken(cp.url, cp.adminToken, 'team-b');
  assert.equal((await apiRequest(cp.url, 'POST', '/v1/projects/team-a/clusters', { token: a, body: cluster('secret-training', 4) })).status, 202);
  assert.equal((await apiRequest(cp.url, 'POST', '/v1/projects/team-b/clusters', { token: b, body: cluster('mine', 2) })).status, 202);

  const seenByB = await apiRequest(cp.url, 'GET', '/v1/projects/team-b/occupancy', { token: b });
  assert.equal(seenByB.status, 200);
  assert.ok(!seenByB.text.includes('secret-training') && !seenByB.text.includes('team-a'), 'team B learned a name of team A');
  const heldBy = (body: any) => {
    const counts = new Map<number, number>();
    for (const z of body.zones)
      for (const sn of z.supernodes)
        for (const s of sn.servers) for (const [h, mask] of s.held) counts.set(h, (counts.get(h) ?? 0) + mask.toString(2).split('1').length - 1);
    return counts;
  };
  const counts = heldBy(seenByB.body);
  assert.equal(counts.get(0), 32, "team A's 4 servers appear as held by another project");
  const mine = seenByB.body.holders.findIndex((h: any) => h.name === 'mine');
  assert.equal(counts.get(mine), 16);

  const seenByAdmin = await apiRequest(cp.url, 'GET', '/v1/projects/team-b/occupancy', { token: cp.adminToken });
  assert.ok(seenByAdmin.body.holders.some((h: any) => h.name === 'secret-training' && h.project === 'team-a'));
  assert.equal(heldBy(seenByAdmin.body).get(0), undefined, 'the admin sees no anonymous holdings');

  // Polls of an unchanged map answer 304; a change gives a new ETag.
  const tag = seenByB.headers.get('etag')!;
  assert.ok(tag);
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/team-b/occupancy', { token: b, headers: { 'if-none-match': tag } })).status, 304);
  assert.equal((await apiRequest(cp.url, 'DELETE', '/v1/projects/team-a/clusters/secret-training', { token: a })).status, 202);
  const changed = await apiRequest(cp.url, 'GET', '/v1/projects/team-b/occupancy', { token: b, headers: { 'if-none-match': tag } });
  assert.equal(changed.status, 200);
  assert.equal(heldBy(changed.body).get(0), undefined, 'team A released its servers');
  assert.notEqual(changed.headers.get('etag'), tag);

  // A token of another project cannot read this project's occupancy at all.
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/team-a/occupancy', { token: b })).status, 404);
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/team-a/occupancy')).status, 401);
});

test('faulty accelerators and draining servers show on the occupancy map', async (t) => {
  const cp = await startControlPlane(t);
  const mark = await apiRequest(cp.url, 'POST', '/v1/admin/accelerators:markFaulty', { token: cp.adminToken, body: { ids: ['cn-southwest-2a/sn-2/s03/5'] } });
  assert.equal(mark.status, 200, mark.text);
  assert.equal(
    (await apiRequest(cp.url, 'POST', '/v1/admin/servers:drain', { token: cp.adminToken, body: { ids: ['cn-southwest-2a/sn-2/s04'] } })).status,
    200,
  );
  const occ = (await apiRequest(cp.url, 'GET', '/v1/projects/default/occupancy?zone=cn-southwest-2a', { token: cp.adminToken })).body;
  assert.deepEqual(
    occ.zones.map((z: any) => z.zone),
    ['cn-southwest-2a'],
  );
  const sn2 = occ.zones[0].supernodes.find((s: any) => s.id === 'sn-2');
  const byId = new Map(sn2.servers.map((s: any) => [s.id, s]));
  assert.equal((byId.get('sn-2/s03') as any).faultyMask, 1 << 5);
  assert.equal((byId.get('sn-2/s04') as any).draining, true);
  assert.equal((byId.get('sn-2/s05') as any).draining, false);
});

test("the operation history lists a project's operations newest first, by resource, and refuses a bad limit", async (t) => {
  const cp = await startControlPlane(t);
  const a = await createProjectWithToken(cp.url, cp.adminToken, 'team-a');
  const one = (await apiRequest(cp.url, 'POST', '/v1/projects/team-a/clusters', { token: a, body: cluster('one', 1) })).body;
  await apiRequest(cp.url, 'POST', '/v1/projects/team-a/clusters', { token: a, body: cluster('two', 1) });
  assert.equal((await apiRequest(cp.url, 'DELETE', '/v1/projects/team-a/clusters/one', { token: a })).status, 202);
  const all = (await apiRequest(cp.url, 'GET', '/v1/projects/team-a/operations', { token: a })).body.operations;
  // Newest first; operations started within the same millisecond may come in either order.
  assert.deepEqual(all.map((o: any) => `${o.type} ${o.target.name}`).sort(), ['create one', 'create two', 'delete one']);
  const times = all.map((o: any) => Date.parse(o.createdAt));
  assert.deepEqual(
    times,
    [...times].sort((x: number, y: number) => y - x),
  );
  const ofOne = (await apiRequest(cp.url, 'GET', `/v1/projects/team-a/operations?resource=${one.resource.id}`, { token: a })).body.operations;
  assert.deepEqual(ofOne.map((o: any) => o.type).sort(), ['create', 'delete']);
  assert.ok(ofOne.every((o: any) => o.target.name === 'one'));
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/team-a/operations?limit=1', { token: a })).body.operations.length, 1);
  const bad = await apiRequest(cp.url, 'GET', '/v1/projects/team-a/operations?limit=0', { token: a });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.field, 'limit');
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/projects/default/operations', { token: a })).status, 404);
});

test('the console page and bundle are served without a token, with their content types, and the API still needs one', async (t) => {
  const cp = await startControlPlane(t);
  const page = await apiRequest(cp.url, 'GET', '/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type')!, /^text\/html/);
  assert.match(page.text, /<script type="module" src="\/console\/console\.js">/);
  assert.match(page.headers.get('content-security-policy')!, /default-src 'self'/);
  const js = await apiRequest(cp.url, 'GET', '/console/console.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type')!, /^text\/javascript/);
  assert.match((await apiRequest(cp.url, 'GET', '/console/console.css')).headers.get('content-type')!, /^text\/css/);
  assert.equal((await apiRequest(cp.url, 'GET', '/console/nothing.js')).status, 404);
  assert.equal((await apiRequest(cp.url, 'GET', '/console/%2e%2e%2fpackage.json')).status, 404);
  assert.equal((await apiRequest(cp.url, 'GET', '/v1/regions')).status, 401);
});
