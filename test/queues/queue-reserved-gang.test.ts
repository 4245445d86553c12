// The scenario of a preempted cluster that must not wait next to an empty supernode, through the
// control plane (time scale 0, as `aicloud server --time-scale 0`): zone cn-southwest-2b has two
// CloudMatrix384 supernodes; two preemptible 44-server clusters of priority 1 run, one on each; a
// 48-server gang of priority 10 preempts one; the gang is deleted; the preempted cluster starts on
// the supernode the gang left free. With the queue's quota at 768 the gang preempts for quota too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../controlplane/helpers.ts';

const P = '/v1/projects/default';
const cluster = (name: string, nodeCount: number, extra: Record<string, unknown>) => ({
  name,
  zone: 'cn-southwest-2b',
  acceleratorType: 'ascend-910c',
  nodeCount,
  placement: 'supernode',
  queue: 'train',
  ...extra,
});

for (const nominal of [2 * 384, 8 * 384]) {
  describe(`a preempted cluster is admitted onto the supernode a deleted gang left free (quota ${nominal})`, () => {
    let s: Awaited<ReturnType<typeof testServer>>;
    before(async () => {
      s = await testServer();
    });
    after(() => s.close());

    it("preempts, waits in its first arrival's place, then starts on the free supernode", async () => {
      const q = await s.call('POST', `${P}/queues`, {
        name: 'train',
        admissionPolicy: 'priority',
        preemption: 'lowerPriority',
        quotas: [{ acceleratorType: 'ascend-910c', nominal }],
      });
      assert.equal(q.status, 202, JSON.stringify(q.body));
      const supernodes: string[] = [];
      for (const name of ['low-a', 'low-b']) {
        const c = await s.call('POST', `${P}/clusters`, cluster(name, 44, { priority: 1, preemptible: true }));
        assert.equal(c.status, 202, JSON.stringify(c.body));
        assert.notEqual(c.body.resource.status, 'pending', c.body.resource.statusReason);
        supernodes.push(...c.body.resource.allocation.supernodes);
      }
      assert.equal(new Set(supernodes).size, 2, 'one per supernode');

      const g = await s.call('POST', `${P}/clusters`, cluster('gang', 48, { priority: 10 }));
      assert.equal(g.status, 202, JSON.stringify(g.body));
      assert.notEqual(g.body.resource.status, 'pending', g.body.resource.statusReason);
      const taken = g.body.resource.allocation.supernodes[0];
      const a = (await s.call('GET', `${P}/clusters/low-a`)).body;
      const b = (await s.call('GET', `${P}/clusters/low-b`)).body;
      const victim = [a, b].find((x) => x.status === 'pending');
      assert.ok(victim, `one of the clusters is preempted: ${a.status}, ${b.status}`);
      assert.equal([a, b].filter((x) => x.status === 'pending').length, 1);
      await s.invariantsClean('after the preemption');

      assert.equal((await s.call('DELETE', `${P}/clusters/gang`)).status, 202);
      const back = (await s.call('GET', `${P}/clusters/${victim.name}`)).body;
      assert.notEqual(back.status, 'pending', back.statusReason);
      assert.deepEqual(back.allocation.supernodes, [taken], 'on the supernode the gang left free');
      await s.invariantsClean('at the end');
    });
  });
}
