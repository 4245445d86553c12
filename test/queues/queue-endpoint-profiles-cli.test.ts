// aicloud with a queued endpoint on MIG instances: the stack's partitioned cluster is full of another
// endpoint's replicas, so the plan says the queued one will queue (instead of failing), and apply
// creates it once the holder is removed from the stack.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/index.ts';
import { cliSuite } from './cli-suite.ts';

const endpoint = (name: string, replicas: number, extra = '') => `---
apiVersion: aicloud.dev/v1
kind: ModelEndpoint
metadata:
  name: ${name}
spec:
  region: cn-southwest-2
  cluster: dev-mig
  model:
    name: qwen-7b
    bucket: qwen-weights-mig-queue-test
    path: qwen/
    parametersBillions: 7
    precision: int8
  runtime:
    framework: vllm
    softwareStack: cuda-12.4
  acceleratorsPerReplica: 1
  acceleratorProfile: 1g.18gb
  contextLength: 4096
  sequencesPerReplica: 4
  replicas: ${replicas}
${extra}`;

const BASE = `apiVersion: aicloud.dev/v1
kind: Bucket
metadata:
  name: qwen-weights-mig-queue-test
spec:
  region: cn-southwest-2
---
apiVersion: aicloud.dev/v1
kind: Queue
metadata:
  name: serving
spec:
  quotas:
    - acceleratorType: nvidia-h200
      nominal: 1
---
apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: dev-mig
spec:
  zone: cn-southwest-2b
  acceleratorType: nvidia-h200
  nodeCount: 1
  acceleratorProfile: 1g.18gb
  profileCount: 4
`;

describe('aicloud: a queued endpoint on partition instances', () => {
  const suite = cliSuite('aicloud-queue-endpoint-profiles-cli-');
  const { env } = suite;
  const clean = (when: string) => suite.s.invariantsClean(when);

  it('plans will queue when the instances are short, and is created with its instances once they free', async () => {
    await writeFile(join(suite.dir, 'stack.yaml'), BASE + endpoint('holder', 4));
    const first = await runCli(['apply', suite.dir, '--stack', 'm', '--auto-approve'], { env: env() });
    assert.equal(first.code, 0, first.stderr);
    await clean('after the first apply');

    // Without a queue the plan fails: 2 instances are asked and none is free.
    await writeFile(join(suite.dir, 'stack.yaml'), BASE + endpoint('holder', 4) + endpoint('chat', 2));
    const refused = await runCli(['plan', suite.dir, '--stack', 'm'], { env: env() });
    assert.notEqual(refused.code, 0, refused.stdout);
    assert.match(refused.stdout + refused.stderr, /PLAN_WILL_NOT_FIT|will not fit/);

    await writeFile(join(suite.dir, 'stack.yaml'), BASE + endpoint('holder', 4) + endpoint('chat', 2, '  queue: serving\n'));
    const plan = await runCli(['plan', suite.dir, '--stack', 'm'], { env: env() });
    assert.equal(plan.code, 0, plan.stderr + plan.stdout);
    assert.match(
      plan.stdout,
      /ModelEndpoint\/chat.*will queue: waits in queue serving: need 2 replicas x 1g\.18gb for chat inside cluster dev-mig/s,
      plan.stdout,
    );

    // The holder leaves in the same apply, giving back its instances first: chat is created with them.
    await writeFile(join(suite.dir, 'stack.yaml'), BASE + endpoint('chat', 2, '  queue: serving\n'));
    const apply = await runCli(['apply', suite.dir, '--stack', 'm', '--auto-approve'], { env: env() });
    assert.equal(apply.code, 0, apply.stderr);
    const chat = (await suite.s.call('GET', '/v1/projects/default/endpoints/chat')).body;
    assert.equal(chat.status, 'ready', chat.statusReason);
    assert.equal(chat.outputs.replicaPlacements.length, 2);
    assert.ok(chat.outputs.replicaPlacements.every((p: any) => p.slice.profile === '1g.18gb'));
    await clean('after chat is created');
  });
});
