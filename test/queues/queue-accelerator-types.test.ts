// A queued cluster that lists several accelerator types: admission starts it on the first listed type
// that fits both its queue's quota for that type and capacity; its outputs and the queue's usage name
// the type chosen, and the placement preview's `will queue` agrees with the create.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2b';
const either = (name: string) => ({
  name,
  zone: ZONE,
  acceleratorTypes: ['nvidia-h200', 'ascend-910c'],
  nodeCount: 2,
  placement: 'zone',
  queue: 'mixed',
});

describe('a queued cluster listing two accelerator types', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    const q = await s.call('POST', `${P}/queues`, {
      name: 'mixed',
      quotas: [
        { acceleratorType: 'nvidia-h200', nominal: 16 },
        { acceleratorType: 'ascend-910c', nominal: 32 },
      ],
    });
    assert.equal(q.status, 202, JSON.stringify(q.body));
  });
  after(() => s.close());

  const usage = async () => {
    const q = await s.call('GET', `${P}/queues/mixed`);
    assert.equal(q.status, 200, JSON.stringify(q.body));
    return q.body.outputs.usage as { acceleratorType: string; admitted: number; pending: number }[];
  };
  const row = (rows: { acceleratorType: string; admitted: number; pending: number }[], type: string) => rows.find((r) => r.acceleratorType === type)!;
  const preview = async (name: string) => {
    const r = await s.call('POST', `${P}/placements:preview`, { requests: [{ action: 'create', ...either(name) }] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.results[0];
  };

  it('is admitted on its first type when that type fits, and names it', async () => {
    const made = await s.call('POST', `${P}/clusters`, either('first'));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    assert.notEqual(made.body.resource.status, 'pending', made.body.resource.statusReason);
    assert.equal(made.body.resource.outputs.acceleratorType, 'nvidia-h200');
    assert.equal(made.body.resource.outputs.acceleratorCount, 16);
    assert.equal(row(await usage(), 'nvidia-h200').admitted, 16);
  });

  it('waits when neither type fits (quota of the first used up, no room for the second), saying why for each', async () => {
    const servers = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=ascend-910c`)).body.servers.length as number;
    const fill = await s.call('POST', `${P}/clusters`, { name: 'fill', zone: ZONE, acceleratorType: 'ascend-910c', nodeCount: servers, placement: 'zone' });
    assert.equal(fill.status, 202, JSON.stringify(fill.body));

    const verdict = await preview('second');
    assert.equal(verdict.fits, false, JSON.stringify(verdict));
    assert.equal(verdict.queued, true, 'the plan says it will queue');

    const made = await s.call('POST', `${P}/clusters`, either('second'));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    const r = made.body.resource;
    assert.equal(r.status, 'pending');
    assert.match(
      r.statusReason,
      /^waiting for 2 nvidia-h200 or ascend-910c servers in cn-southwest-2b; position 1; nvidia-h200: queue default\/mixed uses 16 of 16 nvidia-h200 \(nominal 16\); asked 16; ascend-910c: no room$/,
    );
    assert.equal(r.outputs.acceleratorType, undefined, 'no type is chosen while it waits');
    const view = await s.call('GET', '/v1/admin/queues');
    assert.equal(view.status, 200, JSON.stringify(view.body));
    const waiting = (view.body.pending as { id: string; request: { acceleratorType: string }; alternatives?: { acceleratorType: string }[] }[]).find(
      (p) => p.id === r.id,
    );
    assert.ok(waiting, JSON.stringify(view.body.pending));
    assert.deepEqual([waiting.request.acceleratorType, ...(waiting.alternatives ?? []).map((a) => a.acceleratorType)], ['nvidia-h200', 'ascend-910c']);
    assert.equal(r.outputs.acceleratorCount, 0);
    const rows = await usage();
    assert.equal(row(rows, 'nvidia-h200').admitted, 16);
    assert.equal(row(rows, 'ascend-910c').admitted, 0);
  });

  it('is admitted on the second type once only that one fits, and quota usage and price follow it', async () => {
    assert.equal((await s.call('DELETE', `${P}/clusters/fill`)).status, 202);
    const got = await s.call('GET', `${P}/clusters/second`);
    assert.equal(got.status, 200, JSON.stringify(got.body));
    assert.notEqual(got.body.status, 'pending', got.body.statusReason);
    assert.equal(got.body.outputs.acceleratorType, 'ascend-910c');
    assert.equal(got.body.outputs.acceleratorCount, 16);
    assert.equal(got.body.outputs.hourlyCost, 16 * 2.4);
    assert.ok(got.body.allocation.servers.length === 2);
    const rows = await usage();
    assert.equal(row(rows, 'nvidia-h200').admitted, 16, 'the first type is charged only for the first cluster');
    assert.equal(row(rows, 'ascend-910c').admitted, 16);
    assert.equal(row(rows, 'ascend-910c').pending, 0);

    // The preview agrees: the quota of the first type is used up, so a third would start on the second.
    const verdict = await preview('third');
    assert.equal(verdict.fits, true, JSON.stringify(verdict));
    assert.equal(verdict.acceleratorType, 'ascend-910c');
    const third = await s.call('POST', `${P}/clusters`, either('third'));
    assert.equal(third.status, 202, JSON.stringify(third.body));
    assert.equal(third.body.resource.outputs.acceleratorType, 'ascend-910c');
    assert.equal(row(await usage(), 'ascend-910c').admitted, 32);
  });

  it('waits for quota, and the preview says so, when every listed type is at its quota', async () => {
    const verdict = await preview('fourth');
    assert.equal(verdict.queued, true, JSON.stringify(verdict));
    assert.equal(verdict.code, 'QUOTA_EXCEEDED');
    const made = await s.call('POST', `${P}/clusters`, either('fourth'));
    assert.equal(made.body.resource.status, 'pending');
    assert.match(
      made.body.resource.statusReason,
      /nvidia-h200: queue default\/mixed uses 16 of 16 nvidia-h200.*; ascend-910c: queue default\/mixed uses 32 of 32 ascend-910c/,
    );
    assert.equal(row(await usage(), 'nvidia-h200').pending, 16, 'a waiting request counts against its first type');
  });

  it('is refused at once when its queue could never admit any listed type', async () => {
    const tooBig = await s.call('POST', `${P}/clusters`, { ...either('huge'), nodeCount: 5 });
    assert.equal(tooBig.status, 409, JSON.stringify(tooBig.body));
    assert.equal(tooBig.body.code, 'QUOTA_EXCEEDED');
    assert.match(tooBig.body.message, /could never admit any listed type: nvidia-h200: .*; ascend-910c: /);
  });
});
