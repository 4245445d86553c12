import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRAIN_A, endpointBody, testServer } from './helpers.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

const ZONE = 'cn-southwest-2a';
const supernodeOf = (serverId: string) => serverId.slice(0, serverId.indexOf('/'));

describe('placement through the API, decided by the allocator', () => {
  let s: Server;
  const capacity = async (zone = ZONE) => (await s.call('GET', `/v1/capacity?zone=${zone}&acceleratorType=ascend-910c`)).body;
  before(async () => {
    s = await testServer();
  });
  after(() => s.close());

  it('keeps a supernode cluster in one supernode, grows it there, and refuses growth that would leave it', async () => {
    const created = await s.call('POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'sn-train', nodeCount: 30 });
    assert.equal(created.status, 202);
    const a = created.body.resource.allocation;
    assert.equal(a.supernodes.length, 1);
    assert.equal(a.servers.length, 30);
    assert.ok(a.servers.every((id: string) => supernodeOf(id) === a.supernodes[0]));
    // Another cluster takes part of the same supernode, so growth has less room there than elsewhere.
    const other = await s.call('POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'sn-other', nodeCount: 10 });
    assert.equal(other.status, 202);
    const sn = a.supernodes[0] as string;
    const freeThere = (await capacity()).supernodes.find((x: any) => x.id === sn).free / 8;
    const elsewhere = Math.max(...(await capacity()).supernodes.filter((x: any) => x.id !== sn).map((x: any) => x.free / 8));
    assert.ok(elsewhere > freeThere, 'another supernode has more room than the cluster own');

    const tooFar = await s.call('PATCH', '/v1/projects/default/clusters/sn-train', { nodeCount: 30 + freeThere + 1 });
    assert.equal(tooFar.status, 409);
    assert.equal(tooFar.body.code, 'CAPACITY_EXHAUSTED');
    assert.equal(tooFar.body.field, 'nodeCount');
    const block = freeThere === 0 ? 'none' : `${freeThere * 8} in ${sn}`;
    assert.equal(
      tooFar.body.message,
      `need ${freeThere + 1} ascend-910c servers (${(freeThere + 1) * 8} accelerators) more for ${created.body.resource.id} next to what it holds in ${sn} of ${ZONE}; largest free block: ${block}`,
    );
    const unchanged = (await s.call('GET', '/v1/projects/default/clusters/sn-train')).body;
    assert.deepEqual(unchanged.allocation, a, 'a refused growth changes nothing');

    if (freeThere > 0) {
      const grown = await s.call('PATCH', '/v1/projects/default/clusters/sn-train', { nodeCount: 30 + freeThere });
      assert.equal(grown.status, 202);
      assert.deepEqual(grown.body.resource.allocation.supernodes, [sn]);
      for (const server of a.servers) assert.ok(grown.body.resource.allocation.servers.includes(server), `${server} kept`);
    }
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });

  it('shrinks a zone cluster by giving back its smallest fragment first', async () => {
    // Fill the supernodes so that a zone cluster has to straddle two of them.
    const cap = await capacity();
    const [most] = [...cap.supernodes].sort((x: any, y: any) => y.free - x.free);
    const straddle = most.free / 8 + 2;
    const z = await s.call('POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'zone-a', nodeCount: straddle, placement: 'zone' });
    assert.equal(z.status, 202, JSON.stringify(z.body));
    const servers = z.body.resource.allocation.servers as string[];
    const per = new Map<string, number>();
    for (const id of servers) per.set(supernodeOf(id), (per.get(supernodeOf(id)) ?? 0) + 1);
    assert.ok(per.size >= 2);
    const smallest = [...per].sort((x, y) => x[1] - y[1])[0]!;
    const shrunk = await s.call('PATCH', '/v1/projects/default/clusters/zone-a', { nodeCount: straddle - smallest[1] });
    assert.equal(shrunk.status, 202);
    assert.ok(!shrunk.body.resource.allocation.supernodes.includes(smallest[0]), `${smallest[0]} given back whole`);
    assert.equal(shrunk.body.resource.allocation.acceleratorCount, (straddle - smallest[1]) * 8);
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });

  it("places an endpoint's replicas inside its cluster and never lets two endpoints share an accelerator", async () => {
    const c = await s.call('POST', '/v1/projects/default/clusters', { ...TRAIN_A, name: 'serve', zone: 'cn-southwest-2b', nodeCount: 4 });
    assert.equal(c.status, 202, JSON.stringify(c.body));
    const cluster = c.body.resource.allocation;
    const small = await s.call(
      'POST',
      '/v1/projects/default/endpoints',
      endpointBody('small', 'serve', { acceleratorsPerReplica: 4, parallelism: { tensor: 4 }, replicas: 2 }),
    );
    assert.equal(small.status, 202, JSON.stringify(small.body));
    const big = await s.call(
      'POST',
      '/v1/projects/default/endpoints',
      endpointBody('big', 'serve', { acceleratorsPerReplica: 16, parallelism: { tensor: 16 }, replicas: 1 }),
    );
    assert.equal(big.status, 202, JSON.stringify(big.body));

    const smallReplicas = small.body.resource.outputs.replicaPlacements;
    const bigReplicas = big.body.resource.outputs.replicaPlacements;
    for (const r of smallReplicas) {
      assert.equal(r.servers.length, 1, 'a replica of up to 8 stays in one server');
      assert.equal(r.accelerators.length, 4);
    }
    for (const r of bigReplicas) {
      assert.equal(r.accelerators.length, 16);
      assert.equal(new Set(r.servers.map(supernodeOf)).size, 1, 'a replica over 8 stays in one supernode');
      assert.equal(r.supernode, supernodeOf(r.servers[0]));
    }
    const all = [...smallReplicas, ...bigReplicas];
    for (const r of all) for (const server of r.servers) assert.ok(cluster.servers.includes(server), `${server} is the cluster's`);
    for (const r of all)
      for (const id of r.accelerators)
        assert.ok(
          cluster.servers.some((sv: string) => id.startsWith(`cn-southwest-2b/${sv}/`)),
          id,
        );
    const ids = all.flatMap((r) => r.accelerators as string[]);
    assert.equal(new Set(ids).size, ids.length, 'no accelerator used twice');

    // 8 of the cluster's 32 accelerators are left, in pieces: another 16 does not fit, and says so.
    const third = await s.call(
      'POST',
      '/v1/projects/default/endpoints',
      endpointBody('third', 'serve', { acceleratorsPerReplica: 16, parallelism: { tensor: 16 }, replicas: 1 }),
    );
    assert.equal(third.status, 409);
    assert.equal(third.body.code, 'CAPACITY_EXHAUSTED');
    assert.match(
      third.body.message,
      /^need 1 replica x 16 ascend-910c for ep-[0-9a-f]+ inside cluster cl-[0-9a-f]+; 0 fit; largest free block in the cluster: /,
    );

    // Shrinking the cluster under an endpoint is refused, naming it; growing the endpoint re-places it.
    const shrink = await s.call('PATCH', '/v1/projects/default/clusters/serve', { nodeCount: 1 });
    assert.equal(shrink.status, 409);
    assert.equal(shrink.body.code, 'RESOURCE_IN_USE');
    assert.match(shrink.body.message, /ModelEndpoint (small|big)/);
    const more = await s.call('PATCH', '/v1/projects/default/endpoints/small', { replicas: 4 });
    assert.equal(more.status, 202, JSON.stringify(more.body));
    const moreIds = more.body.resource.outputs.replicaPlacements.flatMap((r: any) => r.accelerators as string[]);
    assert.equal(moreIds.length, 16);
    const bigIds = new Set(bigReplicas.flatMap((r: any) => r.accelerators as string[]));
    assert.ok(moreIds.every((id: string) => !bigIds.has(id)));
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });

    // Deleting the endpoints frees their share of the cluster; the cluster keeps its servers.
    const heldBefore = (await capacity('cn-southwest-2b')).zones[0].held;
    assert.equal(heldBefore, 32);
    for (const e of ['small', 'big']) assert.equal((await s.call('DELETE', `/v1/projects/default/endpoints/${e}`)).status, 202);
    assert.equal((await capacity('cn-southwest-2b')).zones[0].held, heldBefore);
    const again = await s.call(
      'POST',
      '/v1/projects/default/endpoints',
      endpointBody('third', 'serve', { acceleratorsPerReplica: 16, parallelism: { tensor: 16 }, replicas: 2 }),
    );
    assert.equal(again.status, 202, JSON.stringify(again.body));
    assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  });
});
