// A plan of several queued creates is previewed cumulatively, in plan order: each is judged against its
// queue's quota as the earlier creates of the same plan will leave it, so two clusters whose sum exceeds
// the quota show `fits` for the first and `will queue` (with the quota reason) for the second, which is
// what the creates then do. Checked through the placement preview and through `aicloud plan`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/index.ts';
import { testServer } from '../controlplane/helpers.ts';
import { cliSuite } from './cli-suite.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2b';
// Each asks 2 H200 servers, 16 accelerators: the queue's quota of 24 holds one, not both.
const queued = (name: string) => ({ name, zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: 2, placement: 'zone', queue: 'train' });
const QUEUE = { name: 'train', quotas: [{ acceleratorType: 'nvidia-h200', nominal: 24 }] };

describe('the placement preview of several queued creates', () => {
  let s: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    s = await testServer({ timeScale: 0 });
    assert.equal((await s.call('POST', `${P}/queues`, QUEUE)).status, 202);
  });
  after(() => s.close());

  it('judges the second against the quota the first will take, as the creates then do', async () => {
    const r = await s.call('POST', `${P}/placements:preview`, {
      requests: [
        { action: 'create', ...queued('ca') },
        { action: 'create', ...queued('cb') },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [a, b] = r.body.results;
    assert.equal(a.fits, true, JSON.stringify(a));
    assert.equal(b.fits, false, JSON.stringify(b));
    assert.equal(b.queued, true);
    assert.equal(b.code, 'QUOTA_EXCEEDED');
    assert.equal(b.message, 'waits in queue train: queue default/train uses 16 of 24 nvidia-h200 (nominal 24); asked 16');

    // The creates agree: the first is admitted, the second waits for the quota.
    const ma = await s.call('POST', `${P}/clusters`, queued('ca'));
    assert.notEqual(ma.body.resource.status, 'pending', ma.body.resource.statusReason);
    const mb = await s.call('POST', `${P}/clusters`, queued('cb'));
    assert.equal(mb.body.resource.status, 'pending');
    assert.match(mb.body.resource.statusReason, /queue default\/train uses 16 of 24 nvidia-h200 \(nominal 24\); asked 16$/);
  });

  it('gives back the quota of a cluster the same plan deletes before judging a create', async () => {
    // `ca` runs and holds 16 of the quota; a plan that deletes it and creates `cc` sees room for `cc`.
    const r = await s.call('POST', `${P}/placements:preview`, {
      requests: [
        { action: 'release', name: 'ca' },
        { action: 'create', ...queued('cc') },
      ],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.results[1].fits, true, JSON.stringify(r.body.results[1]));
  });
});

const cluster = (name: string) => `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: ${name}
spec:
  zone: ${ZONE}
  acceleratorType: nvidia-h200
  nodeCount: 2
  placement: zone
  queue: train
`;

describe('aicloud plan: two queued clusters whose sum exceeds their queue quota', () => {
  const suite = cliSuite('aicloud-plan-quota-', async (s, dir) => {
    await writeFile(join(dir, 'stack.yaml'), `${cluster('ca')}---\n${cluster('cb')}`);
    assert.equal((await s.call('POST', `${P}/queues`, QUEUE)).status, 202);
  });

  it('says fits for the first and will queue, with the quota reason, for the second', async () => {
    const plan = await runCli(['plan', suite.dir, '--stack', 'quota'], { env: suite.env() });
    assert.equal(plan.code, 0, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Cluster\/ca: 16 nvidia-h200 \(2 servers, zone\) -> cn-southwest-2b; servers /);
    assert.match(
      plan.stdout,
      /Cluster\/cb: 16 nvidia-h200 \(2 servers, zone\) -> will queue: waits in queue train: queue default\/train uses 16 of 24 nvidia-h200/,
    );
  });
});
