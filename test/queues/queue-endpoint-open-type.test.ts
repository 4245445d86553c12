// Endpoints on a queued cluster that lists several accelerator types and has not started yet: its type
// is still open, so an endpoint must pass its checks on every listed type (runtime, memory fit, the
// queue's quota), and a queued one waits on, and is charged to, the type the cluster starts on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointBody, testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2a';

describe('endpoints on a waiting cluster that lists several accelerator types', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    const ok = (r: { status: number; body: unknown }) => assert.equal(r.status, 202, JSON.stringify(r.body));
    // The cluster's queue: the 910c quota is used up by `hog`, and no 910b server is free (`fill`), so `open` waits.
    ok(
      await s.call('POST', `${P}/queues`, {
        name: 'mixed',
        quotas: [
          { acceleratorType: 'ascend-910c', nominal: 8 },
          { acceleratorType: 'ascend-910b', nominal: 8 },
        ],
      }),
    );
    ok(
      await s.call('POST', `${P}/queues`, {
        name: 'serving',
        quotas: [
          { acceleratorType: 'ascend-910c', nominal: 8 },
          { acceleratorType: 'ascend-910b', nominal: 8 },
        ],
      }),
    );
    ok(await s.call('POST', `${P}/queues`, { name: 'only910c', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 }] }));
    ok(await s.call('POST', `${P}/clusters`, { name: 'hog', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: 1, placement: 'zone', queue: 'mixed' }));
    const servers = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=ascend-910b`)).body.servers.length as number;
    ok(await s.call('POST', `${P}/clusters`, { name: 'fill', zone: ZONE, acceleratorType: 'ascend-910b', nodeCount: servers, placement: 'zone' }));
    const open = await s.call('POST', `${P}/clusters`, {
      name: 'open',
      zone: ZONE,
      acceleratorTypes: ['ascend-910c', 'ascend-910b'],
      nodeCount: 1,
      placement: 'zone',
      queue: 'mixed',
    });
    ok(open);
    assert.equal(open.body.resource.status, 'pending', 'the cluster waits: its type is still open');
  });
  after(() => s.close());

  it('refuses an endpoint whose model fits one listed type but not another, naming the type that fails', async () => {
    // 40B parameters in bf16 need 75.5 GiB: one 910C (128 GiB) holds them, one 910B (64 GiB) does not.
    const r = await s.call(
      'POST',
      `${P}/endpoints`,
      endpointBody('big', 'open', { replicas: 1, model: { name: 'm40', bucket: 'weights', path: 'm/', parametersBillions: 40 } }),
    );
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'ENDPOINT_DOES_NOT_FIT');
    assert.equal(r.body.field, 'acceleratorsPerReplica');
    assert.match(r.body.message, /1 x ascend-910b offer 64\.0 GiB.*may start on ascend-910b/);
    assert.doesNotMatch(r.body.message, /ascend-910c/);
    assert.match(r.body.hint, /^Drop ascend-910b from the cluster's acceleratorTypes, or change this resource/);
  });

  it("refuses a queued endpoint whose queue has no quota for one of the cluster's listed types", async () => {
    const r = await s.call('POST', `${P}/endpoints`, endpointBody('q1', 'open', { replicas: 1, queue: 'only910c' }));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'INVALID_VALUE');
    assert.equal(r.body.field, 'queue');
    assert.match(r.body.message, /queue only910c has no quota for ascend-910b \(cluster open has not started yet and may start on ascend-910b/);
    assert.match(r.body.hint, /^Drop ascend-910b from cluster open's acceleratorTypes, or change the endpoint/);
  });

  it('lets a queued endpoint that passes on every type wait for the cluster, then charges the type the cluster starts on', async () => {
    const made = await s.call('POST', `${P}/endpoints`, endpointBody('chat', 'open', { replicas: 2, queue: 'serving' }));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    assert.equal(made.body.resource.status, 'pending');
    assert.equal(
      made.body.resource.statusReason,
      'waiting for 2 replicas of 1 ascend-910c or ascend-910b in cluster open; position 1; cluster open is waiting in its own queue',
    );
    const waiting = (await s.call('GET', '/v1/admin/queues')).body.pending.find((p: { id: string }) => p.id === made.body.resource.id);
    assert.deepEqual(
      [waiting.request.acceleratorType, ...waiting.alternatives.map((a: { acceleratorType: string }) => a.acceleratorType)],
      ['ascend-910c', 'ascend-910b'],
      'it may still run on either type',
    );

    // 910B servers free up; the 910C quota is still used up, so the cluster starts on its second type.
    assert.equal((await s.call('DELETE', `${P}/clusters/fill`)).status, 202);
    const cluster = (await s.call('GET', `${P}/clusters/open`)).body;
    assert.notEqual(cluster.status, 'pending', cluster.statusReason);
    assert.equal(cluster.outputs.acceleratorType, 'ascend-910b');

    const ep = (await s.call('GET', `${P}/endpoints/chat`)).body;
    assert.notEqual(ep.status, 'pending', ep.statusReason);
    assert.equal(ep.outputs.replicaPlacements.length, 2);
    assert.ok(
      ep.outputs.replicaPlacements.every((r: { accelerators: string[] }) => r.accelerators.every((a) => a.includes('/b910'))),
      JSON.stringify(ep.outputs.replicaPlacements),
    );
    assert.equal(ep.outputs.hourlyCost, 2 * 1.3, 'priced on the type the cluster runs on');
    const usage = (await s.call('GET', `${P}/queues/serving`)).body.outputs.usage as { acceleratorType: string; admitted: number; pending: number }[];
    const row = (t: string) => usage.find((u) => u.acceleratorType === t)!;
    assert.equal(row('ascend-910b').admitted, 2, 'charged to the type the cluster started on');
    assert.equal(row('ascend-910c').admitted, 0);
    assert.equal(row('ascend-910c').pending, 0);
    await s.invariantsClean('after the endpoint started on the second type');
  });
});
