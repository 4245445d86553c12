// aicloud with a queued endpoint: the stack's cluster is full of another endpoint, so the queued one
// plans cleanly, waits in apply (listed by `aicloud capacity` under its queue), and is created when
// the cluster grows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, spawnCli } from '../support/index.ts';
import { cliSuite } from './cli-suite.ts';
import { until } from './fragments.ts';

const endpoint = (name: string, extra: string) => `---
apiVersion: aicloud.dev/v1
kind: ModelEndpoint
metadata:
  name: ${name}
spec:
  region: cn-southwest-2
  cluster: serve
  model:
    name: qwen-7b
    bucket: qwen-weights-queue-test
    path: qwen/
    parametersBillions: 7
  runtime:
    framework: mindie
    softwareStack: cann-8.1
  acceleratorsPerReplica: 8
  parallelism:
    tensor: 8
  replicas: 1
${extra}`;

const BASE = `apiVersion: aicloud.dev/v1
kind: Bucket
metadata:
  name: qwen-weights-queue-test
spec:
  region: cn-southwest-2
---
apiVersion: aicloud.dev/v1
kind: Queue
metadata:
  name: serving
spec:
  quotas:
    - acceleratorType: ascend-910c
      nominal: 64
---
apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: serve
spec:
  zone: cn-southwest-2a
  acceleratorType: ascend-910c
  nodeCount: 1
  placement: zone
${endpoint('holder', '')}`;

describe('aicloud: a queued endpoint', () => {
  const suite = cliSuite('aicloud-queue-endpoint-cli-');
  const { env } = suite;
  const clean = (when: string) => suite.s.invariantsClean(when);

  it('waits in apply behind the endpoint that fills its cluster and is created when the cluster grows', async () => {
    await writeFile(join(suite.dir, 'stack.yaml'), BASE);
    const first = await runCli(['apply', suite.dir, '--stack', 'e', '--auto-approve'], { env: env() });
    assert.equal(first.code, 0, first.stderr);
    await clean('after the first apply');

    await writeFile(join(suite.dir, 'stack.yaml'), BASE + endpoint('chat', '  queue: serving\n'));
    const plan = await runCli(['plan', suite.dir, '--stack', 'e'], { env: env() });
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(
      plan.stdout,
      /ModelEndpoint\/chat.*will queue: waits in queue serving: need 1 replica x 8 ascend-910c for chat inside cluster serve/s,
      plan.stdout,
    );

    const apply = spawnCli(['apply', suite.dir, '--stack', 'e', '--auto-approve'], { env: env() });
    await apply.stderr.waitFor(/ModelEndpoint\/chat: creating/);
    const pending = await until(
      () => suite.s.call('GET', '/v1/projects/default/endpoints/chat'),
      (r) => r.status === 200,
      'the endpoint reaching the control plane',
    );
    assert.equal(pending.body.status, 'pending');
    assert.equal(pending.body.statusReason, 'waiting for 1 replica of 8 ascend-910c in cluster serve; position 1');
    const capacity = await runCli(['capacity', '--zone', 'cn-southwest-2a'], { env: env() });
    assert.equal(capacity.code, 0, capacity.stderr);
    assert.match(capacity.stdout, /queue serving: 1 pending - ascend-910c 0 admitted, 8 asked/);
    assert.match(capacity.stdout, /ModelEndpoint chat: waiting for 1 replica of 8 ascend-910c in cluster serve; position 1/);
    await clean('while the endpoint waits');

    assert.equal((await suite.s.call('PATCH', '/v1/projects/default/clusters/serve', { nodeCount: 2 })).status, 202);
    const done = await apply.done;
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stderr, /ModelEndpoint\/chat: created/);
    const chat = (await suite.s.call('GET', '/v1/projects/default/endpoints/chat')).body;
    assert.equal(chat.status, 'ready');
    assert.equal(chat.outputs.replicaPlacements.length, 1);
    await clean('after admission');
  });
});
