// Model endpoints on partition instances that name a queue: an endpoint that does not find enough free
// instances of its MIG cluster waits with a reason naming the profile, is admitted with its instances
// when another endpoint leaves (also after a restart, and when instances are cut from a whole cluster),
// and its queue counts each instance as its share of an accelerator.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, endpointBody, tempDir, testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2b';
/** A 7B model on one 1g.18gb instance per replica, in queue `serving`. */
const onMig = (name: string, replicas: number, extra: Record<string, unknown> = {}, cluster = 'dev-mig') =>
  endpointBody(name, cluster, {
    runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
    model: { name: 'qwen-7b', bucket: 'weights', path: 'qwen/', parametersBillions: 7, precision: 'int8' },
    contextLength: 4096,
    sequencesPerReplica: 4,
    acceleratorProfile: '1g.18gb',
    replicas,
    queue: 'serving',
    ...extra,
  });

describe('queued endpoints on partition instances', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  let clusterSlices: string[] = [];
  before(async () => {
    s = await testServer();
    const q = await s.call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 1 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    const c = await s.call('POST', `${P}/clusters`, {
      name: 'dev-mig',
      zone: ZONE,
      acceleratorType: 'nvidia-h200',
      nodeCount: 1,
      acceleratorProfile: '1g.18gb',
      profileCount: 4,
    });
    assert.equal(c.status, 202, JSON.stringify(c.body));
    clusterSlices = c.body.resource.allocation.slices.map((x: any) => `${x.accelerator}@${x.start}`);
  });
  after(() => s.close());
  const clean = (when: string) => s.invariantsClean(when);
  const get = async (name: string) => (await s.call('GET', `${P}/endpoints/${name}`)).body;

  it('waits for instances another endpoint holds and is admitted with them when that endpoint is deleted', async () => {
    const a = await s.call('POST', `${P}/endpoints`, onMig('ep-a', 4));
    assert.equal(a.status, 202, JSON.stringify(a.body));
    assert.equal(a.body.resource.status, 'ready', 'an endpoint that fits is admitted at once');
    assert.equal(a.body.resource.outputs.replicaPlacements.length, 4);
    await clean('with A holding every instance');

    const b = await s.call('POST', `${P}/endpoints`, onMig('ep-b', 2));
    assert.equal(b.status, 202, JSON.stringify(b.body));
    assert.equal(b.body.resource.status, 'pending');
    assert.equal(b.body.resource.statusReason, 'waiting for 2 replicas x 1g.18gb in cluster dev-mig; position 1');
    assert.deepEqual(b.body.resource.outputs.replicaPlacements, []);
    assert.equal(b.body.resource.outputs.url, undefined, 'no url before admission');
    // Four 1g.18gb instances are half an H200; the waiting two a quarter.
    const view = (await s.call('GET', `${P}/queues/serving`)).body;
    assert.deepEqual(view.outputs.usage, [{ acceleratorType: 'nvidia-h200', admitted: 0.5, borrowed: 0, pending: 0.25 }]);
    await clean('with B waiting');

    assert.equal((await s.call('DELETE', `${P}/endpoints/ep-a`)).status, 202);
    const admitted = await get('ep-b');
    assert.equal(admitted.status, 'ready', admitted.statusReason);
    const placements = admitted.outputs.replicaPlacements;
    assert.equal(placements.length, 2);
    for (const p of placements) {
      assert.equal(p.slice.profile, '1g.18gb');
      assert.ok(clusterSlices.includes(`${p.slice.accelerator}@${p.slice.start}`), 'each replica runs on an instance of the cluster');
    }
    assert.match(admitted.outputs.url, /^https:\/\/ep-b\.default\./);
    assert.equal((await s.call('GET', `${P}/operations/${b.body.operation.id}`)).body.status, 'done');
    await clean('after B is admitted');
  });

  it('refuses at once an endpoint its queue could never hold, counting instances by share', async () => {
    // Nine 1g.18gb instances are 9/8 of an H200: more than the queue's whole quota of 1.
    const r = await s.call('POST', `${P}/endpoints`, onMig('ep-big', 9));
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.equal(r.body.code, 'QUOTA_EXCEEDED');
    assert.match(r.body.message, /9 replicas x 1g\.18gb are 1\.125 nvidia-h200/);
    await clean('after the refusal');
  });
});

describe('queued endpoints on partition instances across a restart and on whole clusters', () => {
  it('a waiting endpoint keeps its profile across a restart and is admitted on instances when they free', async () => {
    const dir = tempDir();
    try {
      const first = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      assert.equal((await first.call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 1 }] })).status, 202);
      assert.equal(
        (
          await first.call('POST', `${P}/clusters`, {
            name: 'dev-mig',
            zone: ZONE,
            acceleratorType: 'nvidia-h200',
            nodeCount: 1,
            acceleratorProfile: '1g.18gb',
            profileCount: 3,
          })
        ).status,
        202,
      );
      assert.equal((await first.call('POST', `${P}/endpoints`, onMig('ep-a', 2))).body.resource.status, 'ready');
      const b = await first.call('POST', `${P}/endpoints`, onMig('ep-b', 2));
      assert.equal(b.body.resource.statusReason, 'waiting for 2 replicas x 1g.18gb in cluster dev-mig; position 1');
      await first.close();
      const second = await testServer({ dataDir: dir.path, memory: false, bootstrapToken: ADMIN });
      try {
        assert.deepEqual((await second.call('GET', '/v1/admin/invariants')).body.violations, [], 'invariants after the restart');
        const waiting = (await second.call('GET', `${P}/endpoints/ep-b`)).body;
        assert.equal(waiting.status, 'pending');
        assert.equal(waiting.statusReason, 'waiting for 2 replicas x 1g.18gb in cluster dev-mig; position 1');
        assert.equal((await second.call('DELETE', `${P}/endpoints/ep-a`)).status, 202);
        const admitted = (await second.call('GET', `${P}/endpoints/ep-b`)).body;
        assert.equal(admitted.status, 'ready', admitted.statusReason);
        assert.deepEqual(
          admitted.outputs.replicaPlacements.map((p: any) => p.slice.profile),
          ['1g.18gb', '1g.18gb'],
        );
        assert.deepEqual((await second.call('GET', '/v1/admin/invariants')).body.violations, [], 'invariants after admission');
      } finally {
        await second.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('on a cluster of whole accelerators it waits for room to cut instances and is admitted when a whole endpoint leaves', async () => {
    const s = await testServer();
    try {
      const clean = (when: string) => s.invariantsClean(when);
      assert.equal((await s.call('POST', `${P}/queues`, { name: 'serving', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 16 }] })).status, 202);
      assert.equal((await s.call('POST', `${P}/clusters`, { name: 'whole', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 1 })).status, 202);
      // A whole endpoint takes all 8 accelerators of the one server: none is left to cut.
      const big = await s.call(
        'POST',
        `${P}/endpoints`,
        endpointBody('big', 'whole', {
          runtime: { framework: 'vllm', softwareStack: 'cuda-12.4' },
          acceleratorsPerReplica: 8,
          parallelism: { tensor: 8 },
          replicas: 1,
        }),
      );
      assert.equal(big.status, 202, JSON.stringify(big.body));
      assert.equal(big.body.resource.status, 'ready');
      const cut = await s.call('POST', `${P}/endpoints`, onMig('cut', 3, {}, 'whole'));
      assert.equal(cut.status, 202, JSON.stringify(cut.body));
      assert.equal(cut.body.resource.status, 'pending');
      assert.equal(cut.body.resource.statusReason, 'waiting for 3 replicas x 1g.18gb in cluster whole; position 1');
      await clean('with the cut endpoint waiting');
      assert.equal((await s.call('DELETE', `${P}/endpoints/big`)).status, 202);
      const admitted = (await s.call('GET', `${P}/endpoints/cut`)).body;
      assert.equal(admitted.status, 'ready', admitted.statusReason);
      assert.equal(admitted.outputs.replicaPlacements.length, 3);
      assert.ok(admitted.outputs.replicaPlacements.every((p: any) => p.slice.profile === '1g.18gb'));
      await clean('after the cut endpoint is admitted');
    } finally {
      await s.close();
    }
  });
});
