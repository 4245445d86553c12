// A queued partitioned cluster that lists its accepted types (acceleratorTypes) instead of naming one:
// it waits in its queue like any partitioned cluster, starts on the first listed type its quota and
// room allow, and its outputs, price and the placement preview name that type.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/index.ts';
import { testServer } from '../controlplane/helpers.ts';
import { cliSuite } from './cli-suite.ts';

const P = '/v1/projects/default';
const mig = (name: string, profileCount: number) => ({
  name,
  zone: 'cn-southwest-2b',
  acceleratorTypes: ['nvidia-h200'],
  nodeCount: 1,
  acceleratorProfile: '1g.18gb',
  profileCount,
  queue: 'parts',
});

describe('a queued partitioned cluster that lists acceleratorTypes', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    const q = await s.call('POST', `${P}/queues`, { name: 'parts', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 1 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
  });
  after(() => s.close());
  const preview = async (body: Record<string, unknown>) => {
    const r = await s.call('POST', `${P}/placements:preview`, { requests: [{ action: 'create', ...body }] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.results[0];
  };

  it('is admitted on the listed type, which its outputs and price name; the preview agrees', async () => {
    const verdict = await preview(mig('m1', 2));
    assert.equal(verdict.fits, true, JSON.stringify(verdict));
    assert.equal(verdict.acceleratorType, 'nvidia-h200');
    const made = await s.call('POST', `${P}/clusters`, mig('m1', 2));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    const r = made.body.resource;
    assert.notEqual(r.status, 'pending', r.statusReason);
    assert.equal(r.outputs.acceleratorType, 'nvidia-h200');
    assert.equal(r.outputs.hourlyCost, 0.925, '2/8 of an H200 at 3.7 an hour');
    assert.equal(r.allocation.slices.length, 2);
    const usage = (await s.call('GET', `${P}/queues/parts`)).body.outputs.usage;
    assert.deepEqual(usage, [{ acceleratorType: 'nvidia-h200', admitted: 0.25, borrowed: 0, pending: 0 }]);
  });

  it("waits for its queue's quota, and the preview says it will queue with the quota reason", async () => {
    const verdict = await preview(mig('m2', 7));
    assert.equal(verdict.fits, false, JSON.stringify(verdict));
    assert.equal(verdict.queued, true);
    assert.equal(verdict.code, 'QUOTA_EXCEEDED');
    const made = await s.call('POST', `${P}/clusters`, mig('m2', 7));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    assert.equal(made.body.resource.status, 'pending');
    assert.equal(
      made.body.resource.statusReason,
      'waiting for 7 x 1g.18gb of nvidia-h200 on one server; position 1; queue default/parts uses 0.25 of 1 nvidia-h200 (nominal 1); asked 0.875',
    );
    assert.equal(made.body.resource.outputs.acceleratorType, undefined, 'no type is chosen while it waits');
    assert.equal((await s.call('DELETE', `${P}/clusters/m1`)).status, 202);
    const got = (await s.call('GET', `${P}/clusters/m2`)).body;
    assert.notEqual(got.status, 'pending', got.statusReason);
    assert.equal(got.outputs.acceleratorType, 'nvidia-h200');
    await s.invariantsClean('after the partitioned cluster started');
  });

  it('is refused at once when its queue could never hold it on any listed type', async () => {
    const r = await s.call('POST', `${P}/clusters`, mig('huge', 9));
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.equal(r.body.code, 'QUOTA_EXCEEDED');
    assert.equal(r.body.field, 'profileCount');
  });
});

const STACK = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: mig-a
spec:
  zone: cn-southwest-2b
  acceleratorTypes: [nvidia-h200]
  nodeCount: 1
  acceleratorProfile: 1g.18gb
  profileCount: 2
  queue: parts
---
apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: mig-b
spec:
  zone: cn-southwest-2b
  acceleratorTypes: [nvidia-h200]
  nodeCount: 1
  acceleratorProfile: 1g.18gb
  profileCount: 7
  queue: parts
`;

describe('aicloud plan and apply: queued partitioned clusters that list acceleratorTypes', () => {
  const suite = cliSuite('aicloud-queue-parts-types-', async (s, dir) => {
    await writeFile(join(dir, 'stack.yaml'), STACK);
    const q = await s.call('POST', `${P}/queues`, { name: 'parts', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 1 }] });
    assert.equal(q.status, 202, JSON.stringify(q.body));
  });

  it('plans the first as fitting and the second as waiting for the quota the first takes, as apply then does', async () => {
    const plan = await runCli(['plan', suite.dir, '--stack', 'parts'], { env: suite.env() });
    assert.equal(plan.code, 0, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Cluster\/mig-a: 2 x 1g\.18gb of nvidia-h200 \(partitions, one server\) -> nvidia-h200 in cn-southwest-2b; servers /);
    assert.match(
      plan.stdout,
      /Cluster\/mig-b: 7 x 1g\.18gb of nvidia-h200 \(partitions, one server\) -> will queue: waits in queue parts: queue default\/parts uses 0\.25 of 1 nvidia-h200 \(nominal 1\); asked 0\.875/,
    );
    const mk = await suite.s.call('POST', `${P}/clusters`, { ...mig('mig-a', 2), name: 'mig-a' });
    assert.equal(mk.status, 202, JSON.stringify(mk.body));
    assert.equal(mk.body.resource.outputs.acceleratorType, 'nvidia-h200');
    const wait = await suite.s.call('POST', `${P}/clusters`, { ...mig('mig-b', 7), name: 'mig-b' });
    assert.equal(wait.body.resource.status, 'pending');
  });
});

describe('the preview of a queued partitioned cluster behind a partition request that waits for room', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    const ok = (r: { status: number; body: unknown }) => assert.equal(r.status, 202, JSON.stringify(r.body));
    ok(await s.call('POST', `${P}/queues`, { name: 'parts', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 100 }] }));
    // One H200 accelerator is left free: 15 whole servers, then 7 whole-accelerator instances on the 16th.
    ok(await s.call('POST', `${P}/clusters`, { name: 'whole', zone: 'cn-southwest-2b', acceleratorType: 'nvidia-h200', nodeCount: 15, placement: 'zone' }));
    ok(
      await s.call('POST', `${P}/clusters`, {
        name: 'sevens',
        zone: 'cn-southwest-2b',
        acceleratorType: 'nvidia-h200',
        nodeCount: 1,
        acceleratorProfile: '7g.141gb',
        profileCount: 7,
      }),
    );
    // The head asks for two whole-accelerator instances: it waits for room, and holds the H200 lane.
    const head = await s.call('POST', `${P}/clusters`, { ...mig('head', 2), acceleratorProfile: '7g.141gb' });
    ok(head);
    assert.equal(head.body.resource.status, 'pending');
  });
  after(() => s.close());

  it('says will queue for a small request that would fit the free accelerator, as its create then waits', async () => {
    const r = await s.call('POST', `${P}/placements:preview`, { requests: [{ action: 'create', ...mig('small', 1) }] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const verdict = r.body.results[0];
    assert.equal(verdict.fits, false, JSON.stringify(verdict));
    assert.equal(verdict.queued, true);
    assert.match(verdict.message, /^waits in queue parts: nvidia-h200: behind an earlier request waiting for nvidia-h200 partitions in cn-southwest-2b/);
    const made = await s.call('POST', `${P}/clusters`, mig('small', 1));
    assert.equal(made.status, 202, JSON.stringify(made.body));
    assert.equal(made.body.resource.status, 'pending', 'the create waits behind the head, as the preview said');
    assert.equal(made.body.resource.statusReason, 'waiting for 1 x 1g.18gb of nvidia-h200 on one server; position 2');
  });
});
