// Queue order, a reservation and a move in flight live in the database with the resources they
// touch, so a control plane killed with -9 mid-move comes back with all three and carries on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiRequest, spawnControlPlane, tempDir } from '../support/index.ts';
import { fragmentZone } from './fragments.ts';

const TOKEN = 'queue-kill9-admin-token-0123456789';
const cluster = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount: 48,
  placement: 'supernode',
  queue: 'fragments',
  ...extra,
});

test('kill -9 mid-move: queue order, the reservation and the move resume, and the gang lands in its reservation', async (t) => {
  const data = tempDir(t);
  const open = (timeScale: number) => spawnControlPlane(t, { dataDir: data.path, logLevel: 'silent', bootstrapToken: TOKEN, timeScale });
  const api = (url: string) => async (method: string, path: string, body?: unknown) => {
    const r = await apiRequest(url, method, path, { token: TOKEN, body });
    return { status: r.status, body: r.body as any };
  };

  // Time scale 0 to lay out the fragments and queue two gangs.
  let cp = await open(0);
  let call = api(cp.url);
  await fragmentZone(call);
  assert.equal((await call('POST', '/v1/projects/default/clusters', cluster('gang-a'))).body.resource.status, 'pending');
  assert.equal((await call('POST', '/v1/projects/default/clusters', cluster('gang-b'))).body.resource.status, 'pending');
  await cp.close();

  // Time scale 1: the move takes the latency table's 30 s, so it is in flight when the process dies.
  cp = await open(1);
  call = api(cp.url);
  const d = await call('POST', '/v1/admin/defragment', {});
  assert.equal(d.body.movesStarted.length, 1, JSON.stringify(d.body));
  const before = (await call('GET', '/v1/admin/queues')).body;
  assert.equal(before.moves.length, 1);
  await cp.kill9();

  cp = await open(0);
  call = api(cp.url);
  const after = (await call('GET', '/v1/admin/queues')).body;
  assert.deepEqual(
    after.pending.map((p: { id: string }) => p.id),
    before.pending.map((p: { id: string }) => p.id),
    'queue order survives',
  );
  assert.deepEqual(after.reservations, before.reservations, 'the reservation and its since survive');
  assert.deepEqual(after.moves, before.moves, 'the move in flight survives');
  assert.deepEqual((await call('GET', '/v1/admin/invariants')).body.violations, [], 'both ends of the move are held, nothing twice');
  const a = (await call('GET', '/v1/projects/default/clusters/gang-a')).body;
  assert.match(a.statusReason, /position 1; reserved sn-\d+/);
  const reserved = /reserved (sn-\d+)/.exec(a.statusReason)![1];
  assert.match((await call('GET', '/v1/projects/default/clusters/gang-b')).body.statusReason, /position 2/);

  // The moving fragment is deleted: its source and its move target are freed, and the head gang
  // starts in the supernode it reserved before the crash.
  const moving = (await call('GET', '/v1/projects/default/clusters?pageSize=100')).body.items.find((c: { id: string }) => c.id === before.moves[0].owner);
  assert.equal((await call('DELETE', `/v1/projects/default/clusters/${moving.name}`)).status, 202);
  const admitted = (await call('GET', '/v1/projects/default/clusters/gang-a')).body;
  assert.equal(admitted.status, 'ready', admitted.statusReason);
  assert.deepEqual(admitted.allocation.supernodes, [reserved]);
  assert.match((await call('GET', '/v1/projects/default/clusters/gang-b')).body.statusReason, /position 1/);
  assert.deepEqual((await call('GET', '/v1/admin/invariants')).body.violations, []);
});
