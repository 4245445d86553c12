import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from './helpers.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

const ZONE = 'cn-southwest-2b';
const h200 = (name: string, nodeCount: number) => ({ name, zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount });

describe('health marks and quotas through the API', () => {
  let s: Server;
  let teamToken: string;
  const invariantsOk = async () => assert.deepEqual((await s.call('GET', '/v1/admin/invariants')).body, { ok: true, violations: [] });
  before(async () => {
    s = await testServer();
    assert.equal((await s.call('POST', '/v1/admin/projects', { name: 'quota-team' })).status, 201);
    teamToken = (await s.call('POST', '/v1/admin/projects/quota-team/tokens')).body.token;
  });
  after(() => s.close());

  it('never allocates a drained server or a faulty accelerator, and reports what runs there', async () => {
    const first = await s.call('POST', '/v1/projects/default/clusters', h200('h-one', 1));
    assert.equal(first.status, 202);
    const busy = first.body.resource.allocation.servers[0] as string;
    const drained = await s.call('POST', '/v1/admin/servers:drain', { ids: [`${ZONE}/${busy}`], reason: 'fan failure' });
    assert.equal(drained.status, 200);
    assert.deepEqual(drained.body.marked, [`${ZONE}/${busy}`]);
    assert.equal(drained.body.affected.length, 1);
    assert.equal(drained.body.affected[0].kind, 'Cluster');
    assert.equal(drained.body.affected[0].name, 'h-one');
    assert.equal(drained.body.affected[0].acceleratorIds.length, 8);

    const cap = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
    const idle = cap.servers.find((x: any) => x.id !== busy && x.free === 8).id as string;
    const faulty = `${ZONE}/${idle}/3`;
    const marked = await s.call('POST', '/v1/admin/accelerators:markFaulty', { ids: [faulty] });
    assert.equal(marked.status, 200);
    assert.deepEqual(marked.body.affected, [], 'nothing ran on the idle server');
    const health = (await s.call('GET', '/v1/admin/health')).body.marks;
    const byTarget = new Map(health.map((m: any) => [m.target, [m.type, m.reason, m.affected.map((a: any) => a.name)]]));
    assert.deepEqual(
      byTarget,
      new Map<string, unknown>([
        [`${ZONE}/${busy}`, ['server', 'fan failure', ['h-one']]],
        [faulty, ['accelerator', 'faulty', []]],
      ]),
    );

    // The holder keeps its server until it lets go; afterwards nobody gets it, nor the faulty server.
    assert.equal((await s.call('DELETE', '/v1/projects/default/clusters/h-one')).status, 202);
    const total = cap.servers.length;
    const refused = await s.call('POST', '/v1/projects/default/clusters', h200('h-all', total - 1));
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'CAPACITY_EXHAUSTED');
    assert.match(
      refused.body.message,
      new RegExp(
        `^need ${total - 1} nvidia-h200 servers \\(${(total - 1) * 8} accelerators\\) in ${ZONE}; largest free block: ${(total - 2) * 8 + 7} in ${ZONE}$`,
      ),
    );
    const rest = await s.call('POST', '/v1/projects/default/clusters', h200('h-rest', total - 2));
    assert.equal(rest.status, 202);
    const servers = rest.body.resource.allocation.servers as string[];
    assert.ok(!servers.includes(busy), 'the drained server is not handed out');
    assert.ok(!servers.includes(idle), 'the server with a faulty accelerator is not handed out whole');
    const after = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body;
    assert.equal(after.servers.find((x: any) => x.id === busy).draining, true);
    assert.equal(after.servers.find((x: any) => x.id === idle).faulty, 1);
    assert.equal(after.zones[0].unavailable, 9);
    assert.equal((await s.call('POST', '/v1/admin/accelerators:markFaulty', { ids: [`${ZONE}/${idle}/99`] })).status, 400);
    await invariantsOk();
  });

  it('refuses what a quota does not cover, naming the quota, what is used and what was asked', async () => {
    const q = await s.call('PUT', '/v1/admin/projects/quota-team/quotas/ascend-910b', { limit: 24 });
    assert.equal(q.status, 200);
    assert.deepEqual(q.body, { project: 'quota-team', acceleratorType: 'ascend-910b', limit: 24, used: 0 });
    const b910 = (name: string, nodeCount: number) => ({ name, zone: 'cn-southwest-2a', acceleratorType: 'ascend-910b', nodeCount });
    assert.equal((await s.call('POST', '/v1/projects/quota-team/clusters', b910('q-a', 2), {}, teamToken)).status, 202);
    const no = await s.call('POST', '/v1/projects/quota-team/clusters', b910('q-b', 2), {}, teamToken);
    assert.equal(no.status, 409);
    assert.equal(no.body.code, 'QUOTA_EXCEEDED');
    assert.equal(no.body.message, 'quota for ascend-910b in project quota-team is 24; 16 in use, asked 16');
    assert.deepEqual(no.body.quota, { project: 'quota-team', acceleratorType: 'ascend-910b', limit: 24, used: 16, asked: 16 });
    const grow = await s.call('PATCH', '/v1/projects/quota-team/clusters/q-a', { nodeCount: 4 }, {}, teamToken);
    assert.equal(grow.status, 409);
    assert.equal(grow.body.message, 'quota for ascend-910b in project quota-team is 24; 16 in use, asked 16');
    assert.equal((await s.call('PATCH', '/v1/projects/quota-team/clusters/q-a', { nodeCount: 3 }, {}, teamToken)).status, 202);
    // Quotas are per project: the default project is not limited by quota-team's.
    assert.equal((await s.call('POST', '/v1/projects/default/clusters', b910('q-free', 4))).status, 202);
    assert.equal((await s.call('DELETE', '/v1/projects/quota-team/clusters/q-a', undefined, {}, teamToken)).status, 202);
    assert.equal((await s.call('POST', '/v1/projects/quota-team/clusters', b910('q-b', 3), {}, teamToken)).status, 202);
    await invariantsOk();
  });
});
