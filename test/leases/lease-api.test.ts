import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { ADMIN, TRAIN_A, tempDir, testServer } from '../controlplane/helpers.ts';
import { startServer } from '../../controlplane/src/server.ts';

const P = '/v1/projects/default';
const createReq = (name: string, nodeCount = 4, placement = 'supernode') => ({
  action: 'create',
  name,
  zone: TRAIN_A.zone,
  acceleratorType: TRAIN_A.acceleratorType,
  nodeCount,
  placement,
});

describe('capacity leases through the API', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ clock });
  });
  after(async () => s.close());

  it('holds exactly the previewed placement, which only a create naming the lease gets', async () => {
    const preview = await s.call('POST', `${P}/placements:preview`, { requests: [createReq('leased-a')] });
    const lease = await s.call('POST', `${P}/leases`, { requests: [createReq('leased-a')], ttlSeconds: 1800, planDigest: 'sha256:abc', owner: 'ci' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    assert.equal(lease.body.status, 'active');
    assert.equal(lease.body.owner, 'ci');
    assert.equal(lease.body.acceleratorCount, 32);
    const leasedServers: string[] = lease.body.holdings[0].allocation.servers;
    assert.deepEqual(leasedServers, preview.body.results[0].allocation.servers);
    await s.invariantsClean('after the lease');

    // Someone else asking for the same shape gets other servers.
    const other = await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'other-a' });
    assert.equal(other.status, 202);
    for (const srv of other.body.resource.allocation.servers) assert.ok(!leasedServers.includes(srv), `${srv} was leased`);

    // The occupancy map names the lease as the holder.
    const occ = await s.call('GET', `${P}/occupancy`);
    assert.ok(occ.body.holders.some((h: { kind: string | null; name: string | null }) => h.kind === 'Lease' && h.name === lease.body.id));
    const leasedCells = occ.body.zones
      .flatMap((z: { supernodes: { servers: { id: string; leasedMask: number }[] }[] }) => z.supernodes.flatMap((sn) => sn.servers))
      .filter((srv: { leasedMask: number }) => srv.leasedMask !== 0);
    assert.deepEqual(leasedCells.map((srv: { id: string }) => srv.id).sort(), [...leasedServers].sort());
    assert.ok(leasedCells.every((srv: { leasedMask: number }) => srv.leasedMask === 0xff));

    const drawn = await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'leased-a' }, { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
    assert.deepEqual(drawn.body.resource.allocation.servers, leasedServers);
    const after = await s.call('GET', `${P}/leases/${lease.body.id}`);
    assert.equal(after.body.status, 'consumed');
    assert.equal(after.body.holdings[0].consumedBy, drawn.body.resource.id);
    await s.invariantsClean('after drawing on the lease');
  });

  it('replays a retried lease request instead of leasing twice', async () => {
    const body = { requests: [createReq('retried', 2)], ttlSeconds: 60, planDigest: 'sha256:r' };
    const first = await s.call('POST', `${P}/leases`, body, { 'idempotency-key': 'lease-k1' });
    const again = await s.call('POST', `${P}/leases`, body, { 'idempotency-key': 'lease-k1' });
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal((await s.call('POST', `${P}/leases`, { ...body, ttlSeconds: 61 }, { 'idempotency-key': 'lease-k1' })).body.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal((await s.call('DELETE', `${P}/leases/${first.body.id}`)).body.status, 'released');
    await s.invariantsClean('after a replayed lease');
  });

  it('refuses a create that differs from what was leased, with the reason', async () => {
    const lease = await s.call('POST', `${P}/leases`, { requests: [createReq('mismatch-a')], ttlSeconds: 60, planDigest: 'sha256:m' });
    const r = await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'mismatch-a', nodeCount: 2 }, { 'aicloud-lease': lease.body.id });
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'LEASE_MISMATCH');
    assert.match(r.body.message, /nodeCount is 2 but the lease holds 4/);
    assert.equal((await s.call('DELETE', `${P}/leases/${lease.body.id}`)).body.status, 'released');
    await s.invariantsClean('after the release');
  });

  it('expires on the clock, frees what it held, and refuses to be drawn on after', async () => {
    const lease = await s.call('POST', `${P}/leases`, { requests: [createReq('late-a', 2)], ttlSeconds: 60, planDigest: 'sha256:late' });
    const ext = await s.call('POST', `${P}/leases/${lease.body.id}:extend`, { bySeconds: 60 });
    assert.equal(ext.status, 200, JSON.stringify(ext.body));
    assert.equal(Date.parse(ext.body.expiresAt) - Date.parse(lease.body.expiresAt), 60_000);
    clock.advance(119_999);
    assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'active');
    clock.advance(1);
    const ended = await s.call('GET', `${P}/leases/${lease.body.id}`);
    assert.equal(ended.body.status, 'expired');
    assert.equal(ended.body.endedAt, ext.body.expiresAt);
    assert.equal(ended.body.acceleratorCount, 16, 'the holdings stay on record');
    const occ = await s.call('GET', `${P}/occupancy`);
    assert.ok(!occ.body.holders.some((h: { name: string | null }) => h.name === lease.body.id), 'nothing is held any more');
    const r = await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'late-a', nodeCount: 2 }, { 'aicloud-lease': lease.body.id });
    assert.equal(r.status, 410);
    assert.equal(r.body.code, 'LEASE_EXPIRED');
    assert.match(r.body.message, /expired at .*; its accelerators were freed/);
    assert.equal((await s.call('POST', `${P}/leases/${lease.body.id}:extend`, { bySeconds: 60 })).body.code, 'LEASE_EXPIRED');
    await s.invariantsClean('after expiry');
  });

  it('counts against the quota', async () => {
    await s.call('POST', '/v1/admin/projects', { name: 'quota-lease' });
    const used = 0;
    assert.equal((await s.call('PUT', `/v1/admin/projects/quota-lease/quotas/${TRAIN_A.acceleratorType}`, { limit: used + 32 })).status, 200);
    const lease = await s.call('POST', '/v1/projects/quota-lease/leases', { requests: [createReq('q-a')], ttlSeconds: 60, planDigest: 'sha256:q' });
    assert.equal(lease.status, 201, JSON.stringify(lease.body));
    const r = await s.call('POST', '/v1/projects/quota-lease/clusters', { ...TRAIN_A, name: 'q-b', nodeCount: 1 });
    assert.equal(r.body.code, 'QUOTA_EXCEEDED');
    const drawn = await s.call('POST', '/v1/projects/quota-lease/clusters', { ...TRAIN_A, name: 'q-a' }, { 'aicloud-lease': lease.body.id });
    assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
  });

  it('lists leases, hides them from other projects, and refuses what cannot be leased', async () => {
    const list = await s.call('GET', `${P}/leases`);
    assert.ok(list.body.items.length >= 3);
    const id = list.body.items[0].id;
    assert.equal((await s.call('GET', `/v1/projects/quota-lease/leases/${id}`)).status, 404);
    const huge = await s.call('POST', `${P}/leases`, { requests: [createReq('huge', 49)], ttlSeconds: 60, planDigest: 'sha256:h' });
    assert.equal(huge.status, 409);
    assert.equal(huge.body.code, 'CAPACITY_EXHAUSTED');
    assert.match(huge.body.message, /Cluster\/huge: need/);
    const bad = await s.call('POST', `${P}/leases`, { requests: [createReq('bad-ttl')], ttlSeconds: 0, planDigest: 'd' });
    assert.equal(bad.body.code, 'OUT_OF_RANGE');
    // A create entry is the core's cluster inputs, validated as the placement preview validates them.
    const typo = await s.call('POST', `${P}/leases`, { requests: [createReq('typo', 4, 'supernodes')], ttlSeconds: 60, planDigest: 'd' });
    assert.equal(typo.status, 400);
    assert.equal(typo.body.field, 'requests[0].placement');
  });
});

describe('a lease and the queues', () => {
  const clock = createVirtualClock();
  it('waiting work is never admitted onto a lease, and is admitted once the lease expires', async () => {
    const s = await testServer({ clock });
    try {
      assert.equal((await s.call('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 4 * 384 }] })).status, 202);
      for (const name of ['fill-1', 'fill-2', 'fill-3']) assert.equal((await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name, nodeCount: 48 })).status, 202);
      const lease = await s.call('POST', `${P}/leases`, { requests: [createReq('held', 48)], ttlSeconds: 60, planDigest: 'sha256:q' });
      assert.equal(lease.status, 201, JSON.stringify(lease.body));
      // Placement zone: a supernode gang would reserve a fence, chosen without knowing when a lease ends.
      const gang = await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'gang', nodeCount: 48, placement: 'zone', queue: 'batch' });
      assert.equal(gang.body.resource.status, 'pending', 'the leased supernode is not free for the queue');
      await s.invariantsClean('with a lease and a waiting gang');
      clock.advance(60_000);
      const admitted = await s.call('GET', `${P}/clusters/gang`);
      assert.equal(admitted.body.status, 'ready', admitted.body.statusReason);
      assert.deepEqual(
        [...admitted.body.allocation.servers].sort(),
        [...lease.body.holdings[0].allocation.servers].sort(),
        'it got the supernode the lease freed',
      );
      assert.equal((await s.call('GET', `${P}/leases/${lease.body.id}`)).body.status, 'expired');
      await s.invariantsClean('after the expiry admitted the gang');
    } finally {
      await s.close();
    }
  });
});

describe('a lease on a database file', () => {
  it('is seen by a second control plane on the same file and survives the first one going away', async () => {
    const dir = tempDir();
    const a = await startServer({ dataDir: dir.path, timeScale: 0, logLevel: 'silent', bootstrapToken: ADMIN });
    const call = async (url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    try {
      const lease = await call(a.url, 'POST', `${P}/leases`, { requests: [createReq('shared-a')], ttlSeconds: 600, planDigest: 'sha256:s' });
      assert.equal(lease.status, 201, JSON.stringify(lease.body));
      const b = await startServer({ dataDir: dir.path, timeScale: 0, logLevel: 'silent', bootstrapToken: ADMIN });
      try {
        await a.close();
        const seen = await call(b.url, 'GET', `${P}/leases/${lease.body.id}`);
        assert.equal(seen.body.status, 'active');
        assert.deepEqual((await call(b.url, 'GET', '/v1/admin/invariants')).body.violations, []);
        const drawn = await call(b.url, 'POST', `${P}/clusters`, { ...TRAIN_A, name: 'shared-a' }, { 'aicloud-lease': lease.body.id });
        assert.equal(drawn.status, 202, JSON.stringify(drawn.body));
        assert.deepEqual(drawn.body.resource.allocation.servers, lease.body.holdings[0].allocation.servers);
        assert.deepEqual((await call(b.url, 'GET', '/v1/admin/invariants')).body.violations, []);
      } finally {
        await b.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe('the occupancy snapshot', () => {
  it('carries holdings, marks, leases and resources, and hides other projects from a project token', async () => {
    const s = await testServer();
    try {
      await s.call('POST', '/v1/admin/projects', { name: 'snap-other' });
      assert.equal(
        (await s.call('POST', '/v1/projects/snap-other/clusters', { ...TRAIN_A, name: 'secret-name', labels: { 'aicloud.dev/expected-duration': '6h' } }))
          .status,
        202,
      );
      assert.equal((await s.call('POST', `${P}/clusters`, { ...TRAIN_A, name: 'mine' })).status, 202);
      const lease = await s.call('POST', `${P}/leases`, { requests: [createReq('later')], ttlSeconds: 600, planDigest: 'sha256:x' });
      const token = (await s.call('POST', '/v1/admin/projects/default/tokens', {})).body.token as string;
      const snap = await s.call('GET', `${P}/snapshot`, undefined, {}, token);
      assert.equal(snap.status, 200, JSON.stringify(snap.body));
      const body = snap.body;
      assert.equal(body.complete, false);
      assert.ok(body.inventory.regions.length > 0);
      assert.ok(!JSON.stringify(body).includes('secret-name'), "another project's names stay hidden");
      assert.ok(!JSON.stringify(body).includes('snap-other'), "another project's name stays hidden");
      const other = body.owners.find((o: { project: string }) => o.project === 'other');
      assert.equal(other.acceleratorCount, 32);
      assert.ok(other.expectedEndAt > body.takenAt, 'the expected end is shared, not the name');
      assert.ok(body.owners.some((o: { kind: string; name: string }) => o.kind === 'Lease' && o.name === lease.body.id));
      assert.deepEqual(
        body.leases.map((l: { id: string }) => l.id),
        [lease.body.id],
      );
      assert.deepEqual(
        body.resources.map((r: { name: string }) => r.name),
        ['mine'],
      );
      const admin = await s.call('GET', `${P}/snapshot`);
      assert.equal(admin.body.complete, true);
      assert.ok(admin.body.owners.some((o: { name: string }) => o.name === 'secret-name'));
    } finally {
      await s.close();
    }
  });
});
