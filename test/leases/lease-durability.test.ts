// A lease is rows in the database: it survives kill -9, and every instance on one PostgreSQL database
// sees it, refuses others its accelerators and lets a create on any instance draw on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiRequest, invariants, spawnControlPlane, tempDir } from '../support/index.ts';
import { sharedDatabase } from '../scale-out/shared-database.ts';

const ADMIN = 'lease-durability-admin-token-0123456789';
const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2a';
const supernode = (name: string) => ({ name, zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 48, placement: 'supernode' });
const request = (name: string) => ({ action: 'create', ...supernode(name) });

const api =
  (url: string) =>
  async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await apiRequest(url, method, path, { token: ADMIN, body, headers });
    return { status: r.status, body: r.body as any, text: r.text };
  };

test('kill -9 keeps the lease, its holdings and its expiry; the restarted control plane lets a create draw on it', async (t) => {
  const data = tempDir(t);
  const open = () => spawnControlPlane(t, { dataDir: data.path, logLevel: 'silent', bootstrapToken: ADMIN, timeScale: 0 });
  let cp = await open();
  let call = api(cp.url);
  const lease = await call('POST', `${P}/leases`, { requests: [request('kept')], ttlSeconds: 3600, planDigest: 'sha256:k' });
  assert.equal(lease.status, 201, lease.text);
  await cp.kill9();

  cp = await open();
  call = api(cp.url);
  const seen = await call('GET', `${P}/leases/${lease.body.id}`);
  assert.equal(seen.body.status, 'active');
  assert.equal(seen.body.expiresAt, lease.body.expiresAt);
  assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
  const drawn = await call('POST', `${P}/clusters`, supernode('kept'), { 'aicloud-lease': lease.body.id });
  assert.equal(drawn.status, 202, drawn.text);
  assert.deepEqual(drawn.body.resource.allocation.servers, lease.body.holdings[0].allocation.servers);
  assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] });
});

test('instances on one PostgreSQL database share a lease', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const open = () => spawnControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, logLevel: 'warn', timeScale: 0 });
  const [a, b] = [await open(), await open()];
  const callA = api(a.url);
  const callB = api(b.url);
  // Three of the zone's four supernodes taken through A, the last one leased through A.
  for (const name of ['fill-1', 'fill-2', 'fill-3']) assert.equal((await callA('POST', `${P}/clusters`, supernode(name))).status, 202);
  const lease = await callA('POST', `${P}/leases`, { requests: [request('shared')], ttlSeconds: 600, planDigest: 'sha256:s' });
  assert.equal(lease.status, 201, lease.text);
  // B sees the lease and refuses everyone else the leased supernode.
  assert.equal((await callB('GET', `${P}/leases/${lease.body.id}`)).body.status, 'active');
  const other = await callB('POST', `${P}/clusters`, supernode('intruder'));
  assert.equal(other.status, 409, other.text);
  assert.equal(other.body.code, 'CAPACITY_EXHAUSTED');
  const drawn = await callB('POST', `${P}/clusters`, supernode('shared'), { 'aicloud-lease': lease.body.id });
  assert.equal(drawn.status, 202, drawn.text);
  assert.deepEqual(drawn.body.resource.allocation.servers, lease.body.holdings[0].allocation.servers);
  assert.equal((await callA('GET', `${P}/leases/${lease.body.id}`)).body.status, 'consumed');
  for (const cp of [a, b]) assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] }, `invariants on ${cp.url}`);
});

test('instances on one PostgreSQL database share a leased growth: the other instance refuses its servers and grows into them', async (t) => {
  const db = await sharedDatabase(t);
  if (!db) return t.skip('PostgreSQL is not installed (apt-get install -y postgresql)');
  const open = () => spawnControlPlane(t, { databaseUrl: db, bootstrapToken: ADMIN, logLevel: 'warn', timeScale: 0 });
  const [a, b] = [await open(), await open()];
  const callA = api(a.url);
  const callB = api(b.url);
  for (const name of ['fill-1', 'fill-2', 'fill-3']) assert.equal((await callA('POST', `${P}/clusters`, supernode(name))).status, 202);
  assert.equal((await callA('POST', `${P}/clusters`, { ...supernode('grows'), nodeCount: 16 })).status, 202);
  const lease = await callA('POST', `${P}/leases`, { requests: [{ action: 'grow', name: 'grows', nodeCount: 48 }], ttlSeconds: 600, planDigest: 'sha256:g' });
  assert.equal(lease.status, 201, lease.text);
  const leased: string[] = lease.body.holdings[0].allocation.servers;
  assert.equal(leased.length, 32);
  // The zone is full for everyone but the lease, on B as on A.
  const other = await callB('POST', `${P}/clusters`, { ...supernode('intruder'), nodeCount: 1 });
  assert.equal(other.status, 409, other.text);
  assert.equal(other.body.code, 'CAPACITY_EXHAUSTED');
  const unnamed = await callB('PATCH', `${P}/clusters/grows`, { nodeCount: 48 });
  assert.equal(unnamed.body.code, 'CAPACITY_EXHAUSTED', unnamed.text);
  const drawn = await callB('PATCH', `${P}/clusters/grows`, { nodeCount: 48 }, { 'aicloud-lease': lease.body.id });
  assert.equal(drawn.status, 202, drawn.text);
  for (const srv of leased) assert.ok(drawn.body.resource.allocation.servers.includes(srv), `${srv} went to the cluster`);
  assert.equal((await callA('GET', `${P}/leases/${lease.body.id}`)).body.status, 'consumed');
  assert.equal((await callA('GET', `${P}/clusters/grows`)).body.allocation.acceleratorCount, 48 * 8);
  for (const cp of [a, b]) assert.deepEqual(await invariants(cp.url, ADMIN), { ok: true, violations: [] }, `invariants on ${cp.url}`);
});
