import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, spawnCli } from '../support/index.ts';
import { cliSuite } from './cli-suite.ts';
import { fragmentZone, until } from './fragments.ts';

const STACK = `apiVersion: aicloud.dev/v1
kind: Queue
metadata:
  name: training
spec:
  quotas:
    - acceleratorType: ascend-910c
      nominal: 384
---
apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: gang
spec:
  zone: cn-southwest-2a
  acceleratorType: ascend-910c
  nodeCount: 48
  placement: supernode
  queue: training
`;

describe('aicloud: a queued 48-server gang', () => {
  const suite = cliSuite('aicloud-queue-cli-', async (s, dir) => {
    await writeFile(join(dir, 'stack.yaml'), STACK);
    await fragmentZone(s.call);
  });
  const { env } = suite;

  it('plans "will queue" instead of failing, waits in apply, and is admitted after a defragmentation', async () => {
    const plan = await runCli(['plan', suite.dir, '--stack', 'q'], { env: env() });
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /will queue: waits in queue training: need 48 ascend-910c servers/);

    const apply = spawnCli(['apply', suite.dir, '--stack', 'q', '--auto-approve'], { env: env() });
    await apply.stderr.waitFor(/Cluster\/gang: creating/);
    const pending = await until(
      () => suite.s.call('GET', '/v1/projects/default/clusters/gang'),
      (r) => r.status === 200,
      'the gang reaching the control plane',
    );
    assert.equal(pending.body.status, 'pending');
    assert.match(pending.body.statusReason, /^waiting for 48 ascend-910c servers in one supernode; position 1; reserved sn-\d+ since/);
    const capacity = await runCli(['capacity', '--zone', 'cn-southwest-2a'], { env: env() });
    assert.match(capacity.stdout, /queue training: 1 pending/);
    assert.match(capacity.stdout, /Cluster gang: waiting for 48 ascend-910c servers/);

    const d = await suite.s.call('POST', '/v1/admin/defragment', {});
    assert.equal(d.body.movesStarted.length, 1, JSON.stringify(d.body));
    assert.deepEqual((await suite.s.call('GET', '/v1/admin/invariants')).body.violations, []);

    const done = await apply.done;
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stderr, /Cluster\/gang: created/);
    const gang = (await suite.s.call('GET', '/v1/projects/default/clusters/gang')).body;
    assert.equal(gang.status, 'ready');
    assert.equal(gang.allocation.servers.length, 48);
    assert.deepEqual((await suite.s.call('GET', '/v1/admin/invariants')).body.violations, []);
  });
});
