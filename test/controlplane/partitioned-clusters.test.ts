import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, tempDir, testServer } from './helpers.ts';
import { testDatabaseUrl } from '../support/test-store.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

const ZONE = 'cn-southwest-2b';
const mig = (name: string, profile: string, profileCount?: number) => ({
  name,
  zone: ZONE,
  acceleratorType: 'nvidia-h200',
  nodeCount: 1,
  acceleratorProfile: profile,
  ...(profileCount ? { profileCount } : {}),
});
const serverOf = (acc: string) => acc.slice(0, acc.lastIndexOf('/'));

/** Accelerators no two holders may share whole, and slices no two holders may overlap on one accelerator. */
function assertDisjoint(allocations: any[]): void {
  const positions = new Map<string, Set<number>>();
  for (const a of allocations) {
    for (const sl of a.slices ?? []) {
      const taken = positions.get(sl.accelerator) ?? new Set<number>();
      for (let p = sl.start; p < sl.start + sl.units; p++) {
        assert.ok(!taken.has(p), `position ${p} of ${sl.accelerator} held twice`);
        taken.add(p);
      }
      positions.set(sl.accelerator, taken);
    }
  }
}

describe('MIG-partitioned clusters through the API', () => {
  let s: Server;
  before(async () => {
    s = await testServer();
  });
  after(() => s.close());

  it('places 1g.18gb and 3g.71gb instances, names them in the allocation, and keeps them apart', async () => {
    const small = [] as any[];
    for (const [i, n] of [3, 2, 2].entries()) {
      const r = await s.call('POST', '/v1/projects/default/clusters', mig(`mig-small-${i}`, '1g.18gb', n));
      assert.equal(r.status, 202, JSON.stringify(r.body));
      const a = r.body.resource.allocation;
      assert.equal(a.zone, ZONE);
      assert.equal(a.servers.length, 1);
      assert.equal(a.acceleratorCount, 0);
      assert.equal(r.body.resource.outputs.acceleratorCount, 0);
      assert.equal(a.slices.length, n);
      for (const sl of a.slices) {
        assert.equal(sl.profile, '1g.18gb');
        assert.equal(sl.units, 1);
        assert.ok(sl.start >= 0 && sl.start <= 6);
        assert.ok(serverOf(sl.accelerator).endsWith(a.servers[0]), `${sl.accelerator} on ${a.servers[0]}`);
      }
      small.push(a);
    }
    const big = await s.call('POST', '/v1/projects/default/clusters', mig('mig-big', '3g.71gb'));
    assert.equal(big.status, 202, JSON.stringify(big.body));
    const [slice] = big.body.resource.allocation.slices;
    assert.equal(slice.units, 4);
    assert.ok([0, 4].includes(slice.start));
    assertDisjoint([...small, big.body.resource.allocation]);
    // What a read returns is what the create answered.
    const read = await s.call('GET', '/v1/projects/default/clusters/mig-big');
    assert.deepEqual(read.body.allocation, big.body.resource.allocation);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });

  it('never hands a partitioned accelerator out whole to another cluster', async () => {
    const partitioned = new Set<string>();
    for (const name of ['mig-small-0', 'mig-small-1', 'mig-small-2', 'mig-big']) {
      for (const sl of (await s.call('GET', `/v1/projects/default/clusters/${name}`)).body.allocation.slices) partitioned.add(sl.accelerator);
    }
    const cap = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
    const servers = cap.servers;
    // Capacity names the partitioned accelerators and the slice positions still free on them.
    const cut = servers.filter((x: any) => x.partitioned > 0);
    const cutServers = new Set([...partitioned].map(serverOf));
    assert.deepEqual(new Set(cut.map((x: any) => `${x.zone}/${x.id}`)), cutServers);
    assert.equal(
      cut.reduce((n: number, x: any) => n + x.partitioned, 0),
      partitioned.size,
    );
    // 7 one-position instances and one four-position instance of 8-position accelerators.
    assert.equal(
      cut.reduce((n: number, x: any) => n + x.freeSliceUnits, 0),
      partitioned.size * 8 - 7 - 4,
    );
    const wholeFree = servers.filter((x: any) => x.free === 8).length;
    // Take every whole server that is free: none of them may contain a partitioned accelerator.
    const whole = await s.call('POST', '/v1/projects/default/clusters', {
      name: 'h200-whole',
      zone: ZONE,
      acceleratorType: 'nvidia-h200',
      nodeCount: wholeFree,
    });
    assert.equal(whole.status, 202, JSON.stringify(whole.body));
    for (const server of whole.body.resource.allocation.servers) {
      for (const acc of partitioned) assert.ok(!serverOf(acc).endsWith(`/${server}`), `${server} holds partitioned ${acc}`);
    }
    const more = await s.call('POST', '/v1/projects/default/clusters', { name: 'h200-more', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1 });
    assert.equal(more.status, 409, 'the partitioned server is not free whole');
    assert.equal(more.body.code, 'CAPACITY_EXHAUSTED');
    // Partitions still fit beside the ones held.
    const beside = await s.call('POST', '/v1/projects/default/clusters', mig('mig-beside', '1g.18gb', 1));
    assert.equal(beside.status, 202, JSON.stringify(beside.body));
    assert.ok(partitioned.has(beside.body.resource.allocation.slices[0].accelerator), 'a 1g instance fills a partitioned accelerator, the only room left');
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    assert.equal((await s.call('DELETE', '/v1/projects/default/clusters/h200-whole')).status, 202);
    assert.equal((await s.call('DELETE', '/v1/projects/default/clusters/mig-beside')).status, 202);
  });

  it('previews partition requests with the plan, on a scratch copy', async () => {
    const before = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
    const r = await s.call('POST', '/v1/projects/default/placements:preview', {
      requests: [
        { action: 'create', name: 'p-small', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1, acceleratorProfile: '1g.18gb', profileCount: 2 },
        { action: 'create', name: 'p-whole', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1, acceleratorProfile: '7g.141gb', profileCount: 8 },
        { action: 'release', name: 'mig-big' },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [small, whole] = r.body.results;
    assert.equal(small.fits, true);
    assert.equal(small.allocation.slices.length, 2);
    assert.ok(small.allocation.slices.every((x: any) => x.profile === '1g.18gb'));
    assert.equal(whole.fits, true);
    assert.equal(whole.allocation.slices.length, 8);
    assert.deepEqual((await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body, before, 'a preview changes nothing');
    const bad = await s.call('POST', '/v1/projects/default/placements:preview', {
      requests: [{ action: 'create', name: 'p-bad', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1, acceleratorProfile: '9g.1tb' }],
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'requests[0].acceleratorProfile');
  });

  it('refuses a profile of another type, naming the field, and more instances than one server has', async () => {
    const bad = await s.call('POST', '/v1/projects/default/clusters', mig('mig-bad', 'vir05_1c_16g'));
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.field, 'acceleratorProfile');
    assert.match(bad.body.message, /1g\.18gb/);
    const huge = await s.call('POST', '/v1/projects/default/clusters', mig('mig-huge', '7g.141gb', 9));
    assert.equal(huge.status, 400, JSON.stringify(huge.body));
    assert.equal(huge.body.code, 'OUT_OF_RANGE');
    assert.equal(huge.body.field, 'profileCount');
  });

  it('releases the slices on delete', async () => {
    const before = (await s.call('GET', '/v1/projects/default/clusters/mig-big')).body.allocation.slices[0];
    assert.equal((await s.call('DELETE', '/v1/projects/default/clusters/mig-big')).status, 202);
    await s.call('GET', '/v1/projects/default/clusters');
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    // The freed 3g positions take a 3g instance again on the same accelerator, which nothing else could hold.
    const again = await s.call('POST', '/v1/projects/default/clusters', mig('mig-big-2', '3g.71gb'));
    assert.equal(again.status, 202, JSON.stringify(again.body));
    assert.equal(again.body.resource.allocation.slices[0].accelerator, before.accelerator);
  });
});

describe('partition holdings survive a restart', () => {
  it('reloads the same slices from the data directory, and the invariants stay clean', async () => {
    const dir = tempDir();
    try {
      const first = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      const made: Record<string, unknown> = {};
      for (const [name, profile, n] of [
        ['keep-a', '1g.18gb', 3],
        ['keep-b', '3g.71gb', 1],
        ['keep-c', '1g.18gb', 2],
      ] as const) {
        const r = await first.call('POST', '/v1/projects/default/clusters', mig(name, profile, n));
        assert.equal(r.status, 202, JSON.stringify(r.body));
        made[name] = r.body.resource.allocation;
      }
      assert.equal((await first.call('DELETE', '/v1/projects/default/clusters/keep-c')).status, 202);
      await first.call('GET', '/v1/projects/default/clusters');
      const capBefore = (await first.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
      await first.close();

      const second = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      try {
        for (const name of ['keep-a', 'keep-b']) {
          assert.deepEqual((await second.call('GET', `/v1/projects/default/clusters/${name}`)).body.allocation, made[name]);
        }
        assert.equal((await second.call('GET', '/v1/projects/default/clusters/keep-c')).status, 404);
        assert.deepEqual((await second.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
        assert.deepEqual((await second.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body, capBefore);
        // The reloaded allocator knows the positions are taken: a new instance does not overlap them.
        const next = await second.call('POST', '/v1/projects/default/clusters', mig('keep-d', '1g.18gb', 4));
        assert.equal(next.status, 202, JSON.stringify(next.body));
        assertDisjoint([made['keep-a'], made['keep-b'], next.body.resource.allocation]);
      } finally {
        await second.close();
      }
    } finally {
      // The store's close resolves before SQLite removes its -wal and -shm files; removal retries until they are gone.
      dir.cleanup();
    }
  });
});

describe('partition holdings survive a restart on PostgreSQL', () => {
  it('a second control plane on the same database loads the same slices', async (t) => {
    const databaseUrl = await testDatabaseUrl();
    // Only the suite's PostgreSQL run has a database to share; the SQLite run covers the data directory above.
    if (!databaseUrl) return t.skip('no PostgreSQL in this run');
    const first = await testServer({ databaseUrl });
    const r = await first.call('POST', '/v1/projects/default/clusters', mig('pg-keep', '2g.35gb', 3));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    await first.close();
    const second = await testServer({ databaseUrl });
    try {
      assert.deepEqual((await second.call('GET', '/v1/projects/default/clusters/pg-keep')).body.allocation, r.body.resource.allocation);
      assert.deepEqual((await second.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
    } finally {
      await second.close();
    }
  });
});

describe('health marks on partitioned accelerators', () => {
  it('names the partitioned clusters a faulty accelerator affects, now and in the health view', async () => {
    const s = await testServer();
    try {
      const r = await s.call('POST', '/v1/projects/default/clusters', mig('mig-h', '2g.35gb', 2));
      assert.equal(r.status, 202, JSON.stringify(r.body));
      const acc = r.body.resource.allocation.slices[0].accelerator as string;
      const marked = await s.call('POST', '/v1/admin/accelerators:markFaulty', { ids: [acc] });
      assert.equal(marked.status, 200, JSON.stringify(marked.body));
      assert.deepEqual(
        marked.body.affected.map((a: any) => [a.name, a.acceleratorIds]),
        [['mig-h', [acc]]],
      );
      const health = (await s.call('GET', '/v1/admin/health')).body.marks;
      assert.deepEqual(
        health.map((m: any) => [m.target, m.affected.map((a: any) => [a.name, a.acceleratorIds])]),
        [[acc, [['mig-h', [acc]]]]],
      );
    } finally {
      await s.close();
    }
  });
});
