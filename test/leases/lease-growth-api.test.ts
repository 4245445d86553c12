// A lease holds every accelerator the placement preview places, not only new clusters: the servers a
// running cluster grows by, and endpoints' replicas inside their clusters (created, grown or running).
// Nothing else takes them meanwhile, quotas count them, expiry frees them, and the update or create
// each is for gets exactly the leased placement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { endpointBody, testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2a';
const cluster = (name: string, nodeCount: number, placement = 'supernode', extra: Record<string, unknown> = {}) => ({
  name,
  zone: ZONE,
  acceleratorType: 'ascend-910c',
  nodeCount,
  placement,
  ...extra,
});
const grow = (name: string, nodeCount: number) => ({ action: 'grow', name, nodeCount });
const servers = (r: { body: { resource?: { allocation: { servers: string[] } }; allocation?: { servers: string[] } } }) =>
  (r.body.resource ?? r.body).allocation!.servers;

describe('a lease on the growth of a running cluster', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ clock });
    // Three of the zone's four supernodes are full; the last one has the cluster that grows.
    for (const name of ['fill-1', 'fill-2', 'fill-3']) assert.equal((await s.call('POST', `${P}/clusters`, cluster(name, 48))).status, 202);
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('grow-a', 16))).status, 202);
  });
  after(async () => s.close());

  it('holds exactly the servers the preview adds, refuses them to everyone else, and the growing update gets them', async () => {
    const preview = await s.call('POST', `${P}/placements:preview`, { requests: [grow('grow-a', 40)] });
    assert.equal(preview.body.results[0].fits, true, JSON.stringify(preview.body));
    const before = (await s.call('GET', `${P}/clusters/grow-a`)).body.allocation.servers as string[];
    const lease = await s.call('POST', `${P}/leases`, { requests: [grow('grow-a', 40)], ttlSeconds: 600, planDigest: 'sha256:g', owner: 'ci' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    const h = lease.body.holdings[0];
    assert.equal(h.action, 'grow');
    assert.equal(h.address, 'Cluster/grow-a');
    assert.equal(h.nodeCount, 40);
    assert.equal(h.fromNodeCount, 16);
    assert.equal(h.allocation.servers.length, 24);
    assert.equal(lease.body.acceleratorCount, 24 * 8);
    assert.deepEqual(
      [...before, ...h.allocation.servers].sort(),
      [...preview.body.results[0].allocation.servers].sort(),
      'the lease holds what the preview found',
    );
    await s.invariantsClean('with a growth leased');

    // The supernode has 8 servers left that nobody leased: 16 do not fit, 8 do, and never on leased servers.
    const big = await s.call('POST', `${P}/clusters`, cluster('intruder', 16));
    assert.equal(big.status, 409, JSON.stringify(big.body));
    assert.equal(big.body.code, 'CAPACITY_EXHAUSTED');
    const small = await s.call('POST', `${P}/clusters`, cluster('neighbour', 8));
    assert.equal(small.status, 202, JSON.stringify(small.body));
    for (const srv of servers(small)) assert.ok(!h.allocation.servers.includes(srv), `${srv} was leased`);
    // Nor does the cluster itself grow into them without naming the lease.
    const unnamed = await s.call('PATCH', `${P}/clusters/grow-a`, { nodeCount: 40 });
    assert.equal(unnamed.status, 409, JSON.stringify(unnamed.body));
    assert.equal(unnamed.body.code, 'CAPACITY_EXHAUSTED');
    // The placement preview with the lease named counts the leased servers as the cluster's.
    const named = await s.call('POST', `${P}/placements:preview`, { requests: [grow('grow-a', 40)] }, { 'aicloud-lease': lease.body.id });
    assert.equal(named.body.results[0].fits, true, JSON.stringify(named.body));
    assert.deepEqual([...named.body.results[0].allocation.servers].sort(), [...before, ...h.allocation.servers].sort());
    // Another size is not what was leased.
    const other = await s.call('PATCH', `${P}/clusters/grow-a`, { nodeCount: 24 }, { 'aicloud-lease': lease.body.id });
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'LEASE_MISMATCH');
    assert.match(other.body.message, /nodeCount is 24 but the lease holds 40/);
    await s.invariantsClean('after the refusals');

    const drawn = await s.call('PATCH', `${P}/clusters/grow-a`, { nodeCount: 40 }, { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
    assert.deepEqual([...servers(drawn)].sort(), [...before, ...h.allocation.servers].sort());
    assert.equal(drawn.body.resource.allocation.acceleratorCount, 40 * 8);
    const used = (await s.call('GET', `${P}/leases/${lease.body.id}`)).body;
    assert.equal(used.status, 'consumed');
    assert.equal(used.holdings[0].consumedBy, drawn.body.resource.id);
    assert.equal(used.acceleratorCount, 0);
    await s.invariantsClean('after the growth drew on the lease');
  });

  it('expires on the clock and frees the servers, which the cluster can then grow into without it', async () => {
    assert.equal((await s.call('DELETE', `${P}/clusters/neighbour`)).status, 202);
    const lease = await s.call('POST', `${P}/leases`, { requests: [grow('grow-a', 48)], ttlSeconds: 60, planDigest: 'sha256:late' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('intruder', 1))).body.code, 'CAPACITY_EXHAUSTED');
    clock.advance(60_000);
    assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'expired');
    const late = await s.call('PATCH', `${P}/clusters/grow-a`, { nodeCount: 48 }, { 'aicloud-lease': lease.body.id });
    assert.equal(late.status, 410);
    assert.equal(late.body.code, 'LEASE_EXPIRED');
    await s.invariantsClean('after the expiry');
    const grown = await s.call('PATCH', `${P}/clusters/grow-a`, { nodeCount: 48 });
    assert.equal(grown.status, 202, JSON.stringify(grown.body));
    await s.invariantsClean('after growing without the lease');
  });

  it("counts a leased growth against the project's quota", async () => {
    assert.equal((await s.call('DELETE', `${P}/clusters/fill-1`)).status, 202);
    await s.call('POST', '/v1/admin/projects', { name: 'quota-grow' });
    const Q = '/v1/projects/quota-grow';
    assert.equal((await s.call('POST', `${Q}/clusters`, cluster('qa', 2, 'zone'))).status, 202);
    assert.equal((await s.call('PUT', '/v1/admin/projects/quota-grow/quotas/ascend-910c', { limit: 4 * 8 })).status, 200);
    const lease = await s.call('POST', `${Q}/leases`, { requests: [grow('qa', 4)], ttlSeconds: 600, planDigest: 'sha256:q' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    const r = await s.call('POST', `${Q}/clusters`, cluster('q-b', 1, 'zone'));
    assert.equal(r.body.code, 'QUOTA_EXCEEDED', JSON.stringify(r.body));
    const drawn = await s.call('PATCH', `${Q}/clusters/qa`, { nodeCount: 4 }, { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
    await s.invariantsClean('after the quota test');
  });
});

describe('a lease on endpoint replicas', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer();
    const q = await s.call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'ascend-910c', nominal: 256 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
  });
  after(async () => s.close());
  const ep = (name: string, on: string, replicas: number, per: number, extra: Record<string, unknown> = {}) =>
    endpointBody(name, on, { acceleratorsPerReplica: per, parallelism: { tensor: per }, replicas, ...extra });
  const replicasReq = (name: string, on: string, replicas: number, per: number) => ({
    action: 'replicas',
    name,
    cluster: on,
    replicas,
    acceleratorsPerReplica: per,
    queue: 'serving',
  });

  it('marks the replicas inside a running cluster, so no other endpoint takes them, and the endpoint gets exactly them', async () => {
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('serve', 2, 'zone'))).status, 202);
    const lease = await s.call('POST', `${P}/leases`, { requests: [replicasReq('chat', 'serve', 3, 4)], ttlSeconds: 600, planDigest: 'sha256:r' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    const h = lease.body.holdings[0];
    assert.equal(h.action, 'replicas');
    assert.equal(h.address, 'ModelEndpoint/chat');
    assert.equal(h.allocation.acceleratorCount, 12);
    assert.equal(lease.body.acceleratorCount, 0, "replicas run on their cluster's accelerators, counted there");
    await s.invariantsClean('with replicas leased');

    const intruder = await s.call('POST', `${P}/endpoints`, ep('intruder', 'serve', 2, 4));
    assert.equal(intruder.status, 409, JSON.stringify(intruder.body));
    assert.equal(intruder.body.code, 'CAPACITY_EXHAUSTED');
    // A queued one waits instead of taking them.
    const waiting = await s.call('POST', `${P}/endpoints`, ep('waiting', 'serve', 2, 4, { queue: 'serving' }));
    assert.equal(waiting.body.resource.status, 'pending', JSON.stringify(waiting.body));
    const fits = await s.call('POST', `${P}/endpoints`, ep('small', 'serve', 1, 4));
    assert.equal(fits.status, 202, 'the four accelerators nobody leased are free');
    await s.invariantsClean('after the others');

    const drawn = await s.call('POST', `${P}/endpoints`, ep('chat', 'serve', 3, 4, { queue: 'serving' }), { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
    assert.equal(drawn.body.resource.status, 'ready', 'a leased endpoint does not wait in its queue');
    const got = drawn.body.resource.outputs.replicaPlacements.flatMap((r: { accelerators: string[] }) => r.accelerators);
    assert.equal(got.length, 12);
    const leasedServers = new Set(h.allocation.servers);
    for (const acc of got) assert.ok(leasedServers.has(acc.slice(ZONE.length + 1, acc.lastIndexOf('/'))), `${acc} is on a leased server`);
    assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'consumed');
    await s.invariantsClean('after the endpoint drew on the lease');
    for (const name of ['chat', 'small', 'waiting']) await s.call('DELETE', `${P}/endpoints/${name}`);
    await s.call('DELETE', `${P}/clusters/serve`);
  });

  it('holds a new cluster and the replicas inside it, and a grown cluster with replicas on its new servers', async () => {
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('small-a', 1, 'zone'))).status, 202);
    const requests = [
      { action: 'create', ...cluster('new-a', 1, 'zone') },
      grow('small-a', 2),
      replicasReq('on-new', 'new-a', 1, 8),
      replicasReq('on-grown', 'small-a', 2, 8),
    ];
    const lease = await s.call('POST', `${P}/leases`, { requests, ttlSeconds: 600, planDigest: 'sha256:mix' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    assert.deepEqual(
      lease.body.holdings.map((h: { address: string; action: string }) => `${h.action} ${h.address}`),
      ['create Cluster/new-a', 'grow Cluster/small-a', 'replicas ModelEndpoint/on-new', 'replicas ModelEndpoint/on-grown'],
    );
    assert.equal(lease.body.acceleratorCount, 16);
    await s.invariantsClean('with a create, a growth and replicas in both leased');
    // No other endpoint fits in what the cluster holds now: its one server is marked for on-grown.
    assert.equal((await s.call('POST', `${P}/endpoints`, ep('xx', 'small-a', 1, 1))).body.code, 'CAPACITY_EXHAUSTED');

    // Apply order: clusters first, then the endpoints.
    const created = await s.call('POST', `${P}/clusters`, cluster('new-a', 1, 'zone'), { 'aicloud-lease': lease.body.id });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    await s.invariantsClean('after the create drew on the lease');
    assert.equal((await s.call('POST', `${P}/endpoints`, ep('xx', 'new-a', 1, 1))).body.code, 'CAPACITY_EXHAUSTED', 'new-a is marked for on-new');
    const grown = await s.call('PATCH', `${P}/clusters/small-a`, { nodeCount: 2 }, { 'aicloud-lease': lease.body.id });
    assert.equal(grown.status, 202, JSON.stringify(grown.body));
    await s.invariantsClean('after the growth drew on the lease');
    assert.equal(
      (await s.call('POST', `${P}/endpoints`, ep('xx', 'small-a', 1, 1))).body.code,
      'CAPACITY_EXHAUSTED',
      'the new server of small-a is marked for on-grown as soon as it is the cluster',
    );

    const onNew = await s.call('POST', `${P}/endpoints`, ep('on-new', 'new-a', 1, 8, { queue: 'serving' }), { 'aicloud-lease': lease.body.id });
    assert.equal(onNew.status, 202, JSON.stringify(onNew.body));
    assert.equal(onNew.body.resource.status, 'ready');
    const onGrown = await s.call('POST', `${P}/endpoints`, ep('on-grown', 'small-a', 2, 8, { queue: 'serving' }), { 'aicloud-lease': lease.body.id });
    assert.equal(onGrown.status, 202, JSON.stringify(onGrown.body));
    assert.equal(onGrown.body.resource.status, 'ready');
    assert.deepEqual(
      onGrown.body.resource.outputs.replicaPlacements.flatMap((r: { servers: string[] }) => r.servers).sort(),
      [...lease.body.holdings[3].allocation.servers].sort(),
    );
    assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'consumed');
    await s.invariantsClean('after every change drew on the lease');
  });

  it('a released lease frees the replicas it marked', async () => {
    assert.equal((await s.call('POST', `${P}/clusters`, cluster('free-a', 1, 'zone'))).status, 202);
    const lease = await s.call('POST', `${P}/leases`, { requests: [replicasReq('later', 'free-a', 1, 8)], ttlSeconds: 600, planDigest: 'sha256:f' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    assert.equal((await s.call('POST', `${P}/endpoints`, ep('now', 'free-a', 1, 8))).body.code, 'CAPACITY_EXHAUSTED');
    assert.equal((await s.call('DELETE', `${P}/leases/${lease.body.id}`)).body.status, 'released');
    await s.invariantsClean('after the release');
    assert.equal((await s.call('POST', `${P}/endpoints`, ep('now', 'free-a', 1, 8))).status, 202);
    const late = await s.call('POST', `${P}/endpoints`, ep('later', 'free-a', 1, 8), { 'aicloud-lease': lease.body.id });
    assert.equal(late.body.code, 'LEASE_EXPIRED');
  });
});

describe('a lease on endpoint replicas on partition instances', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer();
  });
  after(async () => s.close());
  const mig = { name: 'dev-mig', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 1, acceleratorProfile: '1g.18gb', profileCount: 4 };
  const onMig = (name: string, replicas: number) =>
    endpointBody(name, 'dev-mig', {
      runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
      model: { name: 'qwen-7b', bucket: 'weights', path: 'qwen/', parametersBillions: 7, precision: 'int8' },
      contextLength: 4096,
      sequencesPerReplica: 4,
      acceleratorProfile: '1g.18gb',
      replicas,
    });
  const request = (name: string, replicas: number) => ({ action: 'replicas', name, cluster: 'dev-mig', replicas, acceleratorProfile: '1g.18gb' });
  const instances = (r: { body: { resource: { outputs: { replicaPlacements: { slice: { accelerator: string; start: number } }[] } } } }) =>
    r.body.resource.outputs.replicaPlacements.map((p) => `${p.slice.accelerator}@${p.slice.start}`).sort();

  it('marks the instances, which no other endpoint gets, and a create and an update draw on them', async () => {
    assert.equal((await s.call('POST', `${P}/clusters`, mig)).status, 202);
    const one = await s.call('POST', `${P}/endpoints`, onMig('grows', 1));
    assert.equal(one.status, 202, JSON.stringify(one.body));
    // One endpoint new (2 instances), one placed again with a second replica (it keeps its own instance).
    const lease = await s.call('POST', `${P}/leases`, { requests: [request('chat', 2), request('grows', 2)], ttlSeconds: 600, planDigest: 'sha256:m' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    const [chat, grows] = lease.body.holdings;
    assert.equal(chat.allocation.slices.length, 2);
    assert.equal(grows.allocation.slices.length, 2);
    await s.invariantsClean('with instances leased');
    const other = await s.call('POST', `${P}/endpoints`, onMig('other-ep', 1));
    assert.equal(other.status, 409, JSON.stringify(other.body));
    assert.equal(other.body.code, 'CAPACITY_EXHAUSTED', 'all four instances are used or leased');

    const created = await s.call('POST', `${P}/endpoints`, onMig('chat', 2), { 'aicloud-lease': lease.body.id });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    const key = (x: { accelerator: string; start: number }) => `${x.accelerator}@${x.start}`;
    assert.deepEqual(instances(created), chat.allocation.slices.map(key).sort());
    const updated = await s.call('PATCH', `${P}/endpoints/grows`, { replicas: 2 }, { 'aicloud-lease': lease.body.id });
    assert.equal(updated.status, 202, JSON.stringify(updated.body));
    assert.deepEqual(instances(updated), grows.allocation.slices.map(key).sort());
    assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'consumed');
    await s.invariantsClean('after both drew on the lease');
  });
});
