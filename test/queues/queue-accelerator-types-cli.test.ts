// `aicloud plan` and `apply` for a queued cluster listing two accelerator types: the first type has no
// room and the queue's quota of the second is used up, so the plan says it will queue; apply waits, and
// once the quota frees the cluster is admitted on the second type, which its output names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, spawnCli } from '../support/index.ts';
import { cliSuite } from './cli-suite.ts';
import { until } from './fragments.ts';

const P = '/v1/projects/default';
const ZONE = 'cn-southwest-2b';
const STACK = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: second
spec:
  zone: ${ZONE}
  acceleratorTypes: [nvidia-h200, ascend-910c]
  nodeCount: 2
  placement: zone
  queue: mixed
`;

describe('aicloud: a queued cluster listing two accelerator types', () => {
  const suite = cliSuite('aicloud-queue-types-cli-', async (s, dir) => {
    await writeFile(join(dir, 'stack.yaml'), STACK);
    const q = await s.call('POST', `${P}/queues`, {
      name: 'mixed',
      quotas: [
        { acceleratorType: 'nvidia-h200', nominal: 16 },
        { acceleratorType: 'ascend-910c', nominal: 16 },
      ],
    });
    assert.equal(q.status, 202, JSON.stringify(q.body));
    // No nvidia-h200 room in the zone; the queue's ascend-910c quota is held by an earlier cluster.
    const h200 = (await s.call('GET', `/v1/capacity?zone=${ZONE}&acceleratorType=nvidia-h200`)).body.servers.length as number;
    const fill = await s.call('POST', `${P}/clusters`, { name: 'all-h200', zone: ZONE, acceleratorType: 'nvidia-h200', nodeCount: h200, placement: 'zone' });
    assert.equal(fill.status, 202, JSON.stringify(fill.body));
    const first = await s.call('POST', `${P}/clusters`, {
      name: 'first',
      zone: ZONE,
      acceleratorTypes: ['nvidia-h200', 'ascend-910c'],
      nodeCount: 2,
      placement: 'zone',
      queue: 'mixed',
    });
    assert.equal(first.status, 202, JSON.stringify(first.body));
    assert.equal(first.body.resource.outputs.acceleratorType, 'ascend-910c');
  });
  const { env } = suite;

  it('plans "will queue", waits in apply, and is admitted on the second type once its quota frees', async () => {
    const plan = await runCli(['plan', suite.dir, '--stack', 'types'], { env: env() });
    assert.equal(plan.code, 0, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Cluster\/second: 2 servers of nvidia-h200 or ascend-910c \(zone\) -> will queue: waits in queue mixed: /);

    const apply = spawnCli(['apply', suite.dir, '--stack', 'types', '--auto-approve'], { env: env() });
    await apply.stderr.waitFor(/Cluster\/second: creating/);
    const pending = await until(
      () => suite.s.call('GET', `${P}/clusters/second`),
      (r) => r.status === 200,
      'the cluster reaching the control plane',
    );
    assert.equal(pending.body.status, 'pending');
    assert.match(pending.body.statusReason, /nvidia-h200: no room; ascend-910c: queue default\/mixed uses 16 of 16 ascend-910c/);

    assert.equal((await suite.s.call('DELETE', `${P}/clusters/first`)).status, 202);
    const done = await apply.done;
    assert.equal(done.code, 0, done.stderr);
    const second = (await suite.s.call('GET', `${P}/clusters/second`)).body;
    assert.equal(second.status, 'ready');
    assert.equal(second.outputs.acceleratorType, 'ascend-910c');
    assert.equal(second.outputs.acceleratorCount, 16);
  });
});
