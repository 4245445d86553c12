import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createVirtualClock } from '../../controlplane/src/operations/index.ts';
import { testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const cluster = (name: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  name,
  zone: 'cn-southwest-2a',
  acceleratorType: 'ascend-910c',
  nodeCount,
  placement: 'supernode',
  ...extra,
});

describe('a 48-server gang queued behind fragments is admitted after a defragmentation', () => {
  const clock = createVirtualClock();
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 1, clock });
  });
  after(() => s.close());

  const invariantsClean = async (when: string) => {
    const inv = (await s.call('GET', '/v1/admin/invariants')).body;
    assert.deepEqual(inv.violations, [], `invariants ${when}`);
  };

  it('waits with a reservation, moves the fragment, then starts', async () => {
    const q = await s.call('POST', `${P}/queues`, { name: 'batch', quotas: [{ acceleratorType: 'ascend-910c', nominal: 4 * 384 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    // Four supernodes of 48 servers: 46 taken in each by fillers, the last 2 by small preemptible work.
    for (let i = 0; i < 4; i++) assert.equal((await s.call('POST', `${P}/clusters`, cluster(`fill-${i}`, 46))).status, 202);
    for (let i = 0; i < 4; i++) {
      const f = await s.call('POST', `${P}/clusters`, cluster(`frag-${i}`, 2, { placement: 'zone', queue: 'batch', preemptible: true }));
      assert.equal(f.status, 202, JSON.stringify(f.body));
      assert.equal(f.body.resource.status, 'provisioning', 'small work that fits is admitted at once');
    }
    clock.advance(30_000);
    for (const name of ['fill-0', 'fill-1']) assert.equal((await s.call('DELETE', `${P}/clusters/${name}`)).status, 202);
    clock.advance(6_000);
    await invariantsClean('after the fillers left');

    // Without a queue the gang is refused at once, as before.
    const refused = await s.call('POST', `${P}/clusters`, cluster('gang-now', 48));
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'CAPACITY_EXHAUSTED');

    const g = await s.call('POST', `${P}/clusters`, cluster('gang', 48, { queue: 'batch', priority: 10 }));
    assert.equal(g.status, 202, JSON.stringify(g.body));
    assert.equal(g.body.resource.status, 'pending');
    assert.match(g.body.resource.statusReason, /^waiting for 48 ascend-910c servers in one supernode; position 1; reserved sn-\d+ since \d\d:\d\d$/);
    assert.equal(g.body.operation.status, 'running');
    assert.equal(g.body.operation.dueAt, null);
    const reserved = /reserved (sn-\d+)/.exec(g.body.resource.statusReason)![1];

    // Later work backfills only outside the reserved supernode.
    const small = await s.call('POST', `${P}/clusters`, cluster('small', 40, { queue: 'batch' }));
    assert.equal(small.status, 202);
    assert.equal(small.body.resource.status, 'provisioning', small.body.resource.statusReason);
    assert.ok(!small.body.resource.allocation.supernodes.includes(reserved), 'backfill stays out of the reservation');
    const late = await s.call('POST', `${P}/clusters`, cluster('late', 8, { queue: 'batch' }));
    assert.equal(late.body.resource.status, 'pending', '8 servers fit only in the reserved supernode, so they wait');
    assert.match(late.body.resource.statusReason, /^waiting for 8 ascend-910c servers in one supernode; position 2/);

    const d = await s.call('POST', '/v1/admin/defragment', {});
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.movesStarted.length, 1);
    await invariantsClean('while the fragment moves');
    const mid = (await s.call('GET', `${P}/clusters/gang`)).body;
    assert.equal(mid.status, 'pending');

    clock.advance(30_000);
    const admitted = (await s.call('GET', `${P}/clusters/gang`)).body;
    assert.equal(admitted.status, 'provisioning', admitted.statusReason);
    assert.deepEqual(admitted.allocation.supernodes, [reserved]);
    assert.equal(admitted.allocation.servers.length, 48);
    await invariantsClean('after admission');
    clock.advance(30_000);
    assert.equal((await s.call('GET', `${P}/clusters/gang`)).body.status, 'ready');
    assert.equal((await s.call('GET', `${P}/operations/${g.body.operation.id}`)).body.status, 'done');
    // The 8-server request still waits: no supernode has 8 whole servers free.
    assert.equal((await s.call('GET', `${P}/clusters/late`)).body.status, 'pending');
    await invariantsClean('at the end');
  });

  it('deleting pending work ends its create and frees its place', async () => {
    const late = (await s.call('GET', `${P}/clusters/late`)).body;
    const op = (await s.call('GET', `${P}/operations?resource=${late.id}`)).body;
    const del = await s.call('DELETE', `${P}/clusters/late`);
    assert.equal(del.status, 202);
    clock.advance(6_000);
    assert.equal((await s.call('GET', `${P}/clusters/late`)).status, 404);
    const create = op.operations.find((o: { type: string }) => o.type === 'create');
    const ended = (await s.call('GET', `${P}/operations/${create.id}`)).body;
    assert.equal(ended.status, 'failed');
    assert.equal(ended.error.code, 'CANCELLED');
    const view = (await s.call('GET', '/v1/admin/queues')).body;
    assert.equal(view.pending.length, 0);
  });

  it('a queue in use cannot be deleted; a missing queue and an impossible ask are refused at once', async () => {
    const busy = await s.call('DELETE', `${P}/queues/batch`);
    assert.equal(busy.status, 409);
    assert.equal(busy.body.code, 'RESOURCE_IN_USE');
    const missing = await s.call('POST', `${P}/clusters`, cluster('xx', 1, { queue: 'nope' }));
    assert.equal(missing.status, 409);
    assert.equal(missing.body.field, 'queue');
    const tooBig = await s.call('POST', `${P}/queues`, { name: 'tiny', quotas: [{ acceleratorType: 'ascend-910c', nominal: 8 }] });
    assert.equal(tooBig.status, 202);
    const ask = await s.call('POST', `${P}/clusters`, cluster('yy', 2, { queue: 'tiny' }));
    assert.equal(ask.status, 409);
    assert.equal(ask.body.code, 'QUOTA_EXCEEDED');
    assert.equal(ask.body.field, 'nodeCount');
  });
});
