import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, endpointBody, tempDir, testServer } from './helpers.ts';
import { testDatabaseUrl } from '../support/test-store.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

const ZONE = 'cn-southwest-2b';
const mig = (name: string, profile: string, profileCount: number) => ({
  name,
  zone: ZONE,
  acceleratorType: 'nvidia-h200',
  nodeCount: 1,
  acceleratorProfile: profile,
  profileCount,
});
/** A 7B model on one MIG instance per replica. */
const onMig = (name: string, cluster: string, replicas: number, extra: Record<string, unknown> = {}) =>
  endpointBody(name, cluster, {
    runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
    model: { name: 'qwen-7b', bucket: 'weights', path: 'qwen/', parametersBillions: 7, precision: 'int8' },
    contextLength: 4096,
    sequencesPerReplica: 4,
    acceleratorProfile: '1g.18gb',
    replicas,
    ...extra,
  });
const key = (p: any) => `${p.slice.accelerator}@${p.slice.start}`;

async function clean(s: Server): Promise<void> {
  assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
}

describe('endpoints on MIG instances through the API', () => {
  let s: Server;
  let clusterSlices: string[] = [];
  before(async () => {
    s = await testServer();
    const r = await s.call('POST', '/v1/projects/default/clusters', mig('dev-mig', '1g.18gb', 4));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    clusterSlices = r.body.resource.allocation.slices.map((x: any) => `${x.accelerator}@${x.start}`);
  });
  after(() => s.close());

  it('places one replica per cluster instance and names server, accelerator and instance', async () => {
    const r = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat', 'dev-mig', 3));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    const placements = r.body.resource.outputs.replicaPlacements;
    assert.equal(placements.length, 3);
    const server = (await s.call('GET', '/v1/projects/default/clusters/dev-mig')).body.allocation.servers[0];
    for (const p of placements) {
      assert.deepEqual(p.servers, [server]);
      assert.equal(p.acceleratorCount, 0);
      assert.deepEqual(p.accelerators, [p.slice.accelerator]);
      assert.equal(p.slice.profile, '1g.18gb');
      assert.ok(clusterSlices.includes(key(p)), `${key(p)} is an instance of the cluster`);
    }
    assert.equal(new Set(placements.map(key)).size, 3);
    assert.equal(r.body.resource.spec.acceleratorProfile, '1g.18gb');
    // An 18 GiB instance is an eighth of an H200: the endpoint is billed that share per replica.
    assert.ok(Math.abs(r.body.resource.outputs.hourlyCost - 3 * (3.7 / 8)) < 0.001, String(r.body.resource.outputs.hourlyCost));
    const cap = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
    const row = cap.servers.find((x: any) => x.instances);
    assert.deepEqual([row.instances, row.endpointInstances], [4, 3]);
    await clean(s);
  });

  it('refuses more replicas than free instances with CAPACITY_EXHAUSTED on replicas, naming what is free', async () => {
    const r = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-2', 'dev-mig', 2));
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.equal(r.body.code, 'CAPACITY_EXHAUSTED');
    assert.equal(r.body.field, 'replicas');
    assert.match(r.body.message, /need 2 replicas x 1g\.18gb .* 1 fit: the cluster has 4 1g\.18gb instances, 1 free, 3 used by /);
    const one = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-2', 'dev-mig', 1));
    assert.equal(one.status, 202, JSON.stringify(one.body));
    const first = (await s.call('GET', '/v1/projects/default/endpoints/chat')).body.outputs.replicaPlacements.map(key);
    assert.ok(!first.includes(key(one.body.resource.outputs.replicaPlacements[0])), 'no instance serves two endpoints');
    await clean(s);
  });

  it('refuses a profile other than the cluster one, naming both', async () => {
    const r = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-x', 'dev-mig', 1, { acceleratorProfile: '2g.35gb' }));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'INVALID_VALUE');
    assert.equal(r.body.field, 'acceleratorProfile');
    assert.match(r.body.message, /2g\.35gb.*1g\.18gb/);
  });

  it('refuses a profile not in the catalogue of the cluster type before placing', async () => {
    const r = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-y', 'dev-mig', 1, { acceleratorProfile: '1g.10gb' }));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.field, 'acceleratorProfile');
    assert.match(r.body.message, /not a profile of nvidia-h200/);
  });

  it('frees the instances on delete, so another endpoint takes them', async () => {
    assert.equal((await s.call('DELETE', '/v1/projects/default/endpoints/chat')).status, 202);
    await s.call('GET', '/v1/projects/default/endpoints');
    await clean(s);
    const r = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-3', 'dev-mig', 3));
    assert.equal(r.status, 202, JSON.stringify(r.body));
    await clean(s);
  });

  it('rescales in place: fewer replicas keep instances they had, more take free ones', async () => {
    const before = (await s.call('GET', '/v1/projects/default/endpoints/chat-3')).body.outputs.replicaPlacements.map(key);
    const down = await s.call('PATCH', '/v1/projects/default/endpoints/chat-3', { replicas: 2 });
    assert.equal(down.status, 202, JSON.stringify(down.body));
    const kept = down.body.resource.outputs.replicaPlacements.map(key);
    assert.equal(kept.length, 2);
    for (const k of kept) assert.ok(before.includes(k), `${k} was one of its instances`);
    await s.call('GET', '/v1/projects/default/endpoints');
    await clean(s);
    const up = await s.call('PATCH', '/v1/projects/default/endpoints/chat-3', { replicas: 3 });
    assert.equal(up.status, 202, JSON.stringify(up.body));
    const grown = up.body.resource.outputs.replicaPlacements.map(key);
    assert.deepEqual(grown.slice(0, 2).sort(), [...kept].sort());
    const other = (await s.call('GET', '/v1/projects/default/endpoints/chat-2')).body.outputs.replicaPlacements.map(key);
    assert.ok(!other.includes(grown[2]), 'the new replica takes a free instance');
    await s.call('GET', '/v1/projects/default/endpoints');
    await clean(s);
  });
});

describe('endpoint instances survive a restart', () => {
  it('reloads the same replicas from the data directory and the invariants stay clean', async () => {
    const dir = tempDir();
    try {
      const first = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      assert.equal((await first.call('POST', '/v1/projects/default/clusters', mig('keep-mig', '1g.18gb', 3))).status, 202);
      const ep = await first.call('POST', '/v1/projects/default/endpoints', onMig('keep-chat', 'keep-mig', 2));
      assert.equal(ep.status, 202, JSON.stringify(ep.body));
      const placed = ep.body.resource.outputs.replicaPlacements.map(key).sort();
      await first.call('GET', '/v1/projects/default/endpoints');
      await first.close();
      const second = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      try {
        await clean(second);
        assert.deepEqual((await second.call('GET', '/v1/projects/default/endpoints/keep-chat')).body.outputs.replicaPlacements.map(key).sort(), placed);
        // The reloaded allocator knows which instances are used: only one is left.
        const more = await second.call('POST', '/v1/projects/default/endpoints', onMig('keep-more', 'keep-mig', 2));
        assert.equal(more.status, 409, JSON.stringify(more.body));
        const one = await second.call('POST', '/v1/projects/default/endpoints', onMig('keep-more', 'keep-mig', 1));
        assert.equal(one.status, 202, JSON.stringify(one.body));
        assert.ok(!placed.includes(key(one.body.resource.outputs.replicaPlacements[0])));
        await clean(second);
      } finally {
        await second.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('reloads on PostgreSQL too', async (t) => {
    const databaseUrl = await testDatabaseUrl();
    if (!databaseUrl) return t.skip('no PostgreSQL in this run');
    const first = await testServer({ databaseUrl });
    assert.equal((await first.call('POST', '/v1/projects/default/clusters', mig('pg-mig', '1g.18gb', 2))).status, 202);
    const ep = await first.call('POST', '/v1/projects/default/endpoints', onMig('pg-chat', 'pg-mig', 2));
    assert.equal(ep.status, 202, JSON.stringify(ep.body));
    await first.close();
    const second = await testServer({ databaseUrl });
    try {
      await clean(second);
      const more = await second.call('POST', '/v1/projects/default/endpoints', onMig('pg-more', 'pg-mig', 1));
      assert.equal(more.status, 409, JSON.stringify(more.body));
    } finally {
      await second.close();
    }
  });
});

describe('health marks on endpoint instances', () => {
  it('names the endpoint whose replica runs on a faulty accelerator', async () => {
    const s = await testServer();
    try {
      assert.equal((await s.call('POST', '/v1/projects/default/clusters', mig('mig-h', '1g.18gb', 2))).status, 202);
      const ep = await s.call('POST', '/v1/projects/default/endpoints', onMig('chat-h', 'mig-h', 1));
      assert.equal(ep.status, 202, JSON.stringify(ep.body));
      const acc = ep.body.resource.outputs.replicaPlacements[0].slice.accelerator as string;
      const marked = await s.call('POST', '/v1/admin/accelerators:markFaulty', { ids: [acc] });
      assert.equal(marked.status, 200, JSON.stringify(marked.body));
      assert.ok(
        marked.body.affected.some((a: any) => a.name === 'chat-h'),
        JSON.stringify(marked.body),
      );
    } finally {
      await s.close();
    }
  });
});

describe('endpoint instances cut from a cluster of whole accelerators', () => {
  it('cuts instances from accelerators no endpoint holds whole, keeps them from whole endpoints, survives a restart and frees on delete', async () => {
    const dir = tempDir();
    try {
      const first = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      const whole = { name: 'h200-whole', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1 };
      assert.equal((await first.call('POST', '/v1/projects/default/clusters', whole)).status, 202);
      const wholeEp = (name: string, n: number) =>
        onMig(name, 'h200-whole', 1, { acceleratorProfile: undefined, acceleratorsPerReplica: n, parallelism: { tensor: n } });
      const big = await first.call('POST', '/v1/projects/default/endpoints', wholeEp('big-model', 4));
      assert.equal(big.status, 202, JSON.stringify(big.body));
      const ep = await first.call('POST', '/v1/projects/default/endpoints', onMig('cut-chat', 'h200-whole', 9));
      assert.equal(ep.status, 202, JSON.stringify(ep.body));
      const placed = ep.body.resource.outputs.replicaPlacements;
      const accs = new Set(placed.map((p: any) => p.slice.accelerator));
      assert.equal(accs.size, 2, 'nine 1g instances take two accelerators (seven each)');
      for (const acc of big.body.resource.outputs.replicaPlacements[0].accelerators) assert.ok(!accs.has(acc), `${acc} is held whole`);
      // Two accelerators are left whole: a 4-accelerator replica no longer fits, a 2-accelerator one does.
      const four = await first.call('POST', '/v1/projects/default/endpoints', wholeEp('four', 4));
      assert.equal(four.status, 409, JSON.stringify(four.body));
      const two = await first.call('POST', '/v1/projects/default/endpoints', wholeEp('two', 2));
      assert.equal(two.status, 202, JSON.stringify(two.body));
      const more = await first.call('POST', '/v1/projects/default/endpoints', onMig('cut-more', 'h200-whole', 6));
      assert.equal(more.status, 409, JSON.stringify(more.body));
      assert.equal(more.body.field, 'replicas');
      assert.match(more.body.message, /at most 5 fit on one server/);
      await clean(first);
      const cap = (await first.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body.servers.find((x: any) => x.instances);
      assert.deepEqual([cap.instances, cap.endpointInstances], [9, 9]);
      await first.call('GET', '/v1/projects/default/endpoints');
      await first.close();

      const second = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      try {
        await clean(second);
        const again = await second.call('POST', '/v1/projects/default/endpoints', onMig('cut-more', 'h200-whole', 6));
        assert.equal(again.status, 409, 'the reloaded allocator knows what is cut');
        assert.equal((await second.call('DELETE', '/v1/projects/default/endpoints/cut-chat')).status, 202);
        assert.equal((await second.call('DELETE', '/v1/projects/default/endpoints/two')).status, 202);
        await second.call('GET', '/v1/projects/default/endpoints');
        await clean(second);
        // The cut accelerators are whole again.
        const four2 = await second.call('POST', '/v1/projects/default/endpoints', wholeEp('four', 4));
        assert.equal(four2.status, 202, JSON.stringify(four2.body));
        await clean(second);
      } finally {
        await second.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
