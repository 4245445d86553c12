import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess, scratch } from './harness.ts';

const migCluster = (name: string, count: number) => `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: ${name}
spec:
  zone: cn-southwest-2b
  acceleratorType: nvidia-h200
  nodeCount: 1
  acceleratorProfile: 1g.18gb
  profileCount: ${count}
`;

const bucket = `apiVersion: aicloud.dev/v1
kind: Bucket
metadata:
  name: weights
spec:
  region: cn-southwest-2
---
`;

const endpoint = (name: string, cluster: string, replicas: number, profile = '1g.18gb', extra = '') => `apiVersion: aicloud.dev/v1
kind: ModelEndpoint
metadata:
  name: ${name}
spec:
  region: cn-southwest-2
  cluster: ${cluster}
  model:
    name: qwen2.5-7b
    bucket: weights
    path: qwen/7b
    parametersBillions: 7
    precision: int8
    kvBytesPerToken: 57344
  runtime:
    framework: vllm
    softwareStack: cuda-12.4
  replicas: ${replicas}
  acceleratorsPerReplica: 1
  acceleratorProfile: ${profile}
  contextLength: 4096
  sequencesPerReplica: 4
${extra}`;

test('a GitOps stack runs an endpoint on MIG instances of its cluster: plan, apply, re-plan clean, refusals', async () => {
  const s = await scratch();
  try {
    const stack = join(s.root, 'mig-serving');
    await mkdir(stack);
    const write = (eps: string) => writeFile(join(stack, 'stack.yaml'), `${bucket}${migCluster('dev-mig', 4)}---\n${eps}`);
    await write(endpoint('chat', 'dev-mig', 3));
    const cli = (...args: string[]) => runInProcess(['--data-dir', s.dataDir, ...args]);

    const plan = await cli('plan', stack, '--detailed-exitcode');
    assert.equal(plan.code, 2, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Plan: 3 to create/);
    assert.match(plan.stdout, /ModelEndpoint\/chat: 3 replicas x 1g\.18gb in Cluster\/dev-mig/);

    const apply = await cli('apply', stack, '--auto-approve');
    assert.equal(apply.code, 0, apply.stderr + apply.stdout);
    const again = await cli('plan', stack, '--detailed-exitcode');
    assert.equal(again.code, 0, again.stderr + again.stdout);

    // The apply prints each replica's instance: server, profile, accelerator and MIG position.
    const replicaLines = apply.stdout.split('\n').filter((l) => /^\s+replica \d+: /.test(l));
    assert.equal(replicaLines.length, 3, apply.stdout);
    for (const l of replicaLines) assert.match(l, /replica \d: (\S+), 1g\.18gb on cn-southwest-2b\/\1\/\d at position [0-6]$/);
    assert.equal(new Set(replicaLines.map((l) => l.replace(/^\s+replica \d: /, ''))).size, 3, 'three different instances');

    const capacity = await cli('capacity', '--zone', 'cn-southwest-2b');
    assert.equal(capacity.code, 0, capacity.stderr);
    const line = capacity.stdout.split('\n').find((l) => /^cn-southwest-2b\/\S+\s+nvidia-h200(\s+\d+){4}$/.test(l));
    assert.ok(line, capacity.stdout);
    const [, , , , instances, inEndpoints] = line!.trim().split(/\s+/);
    assert.deepEqual([Number(instances), Number(inEndpoints)], [4, 3]);

    // A second endpoint that wants more instances than are left is refused by the plan, on replicas.
    await write(`${endpoint('chat', 'dev-mig', 3)}---\n${endpoint('chat-2', 'dev-mig', 2)}`);
    const short = await cli('plan', stack);
    assert.equal(short.code, 1, short.stdout + short.stderr);
    assert.match(
      short.stdout + short.stderr,
      /ModelEndpoint\/chat-2: 2 replicas x 1g\.18gb in Cluster\/dev-mig: will not fit: need 2 replicas x 1g\.18gb .* 1 fit/,
    );

    // A profile the type does not have is refused before the cloud is asked, naming the field.
    await write(endpoint('chat', 'dev-mig', 3, '1g.10gb'));
    const wrong = await cli('plan', stack);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /spec\.acceleratorProfile: acceleratorProfile 1g\.10gb is not a profile of nvidia-h200/);

    // A profile of the type but not the cluster's fails the plan in the preview, naming both profiles.
    await write(endpoint('chat', 'dev-mig', 3, '2g.35gb'));
    const other = await cli('plan', stack);
    assert.equal(other.code, 1, other.stdout);
    assert.match(other.stdout + other.stderr, /acceleratorProfile 2g\.35gb of endpoint .* is not the profile of cluster .* \(1g\.18gb\)/);

    await write(endpoint('chat', 'dev-mig', 3));
    const destroy = await cli('destroy', stack, '--auto-approve');
    assert.equal(destroy.code, 0, destroy.stderr + destroy.stdout);
    const inv = await cli('capacity', '--zone', 'cn-southwest-2b');
    assert.doesNotMatch(inv.stdout, /Partitioned accelerators/, 'destroy frees the instances and the partitions');
  } finally {
    await s.cleanup();
  }
});

test('a GitOps stack cuts endpoint instances from a whole H200 cluster created in the same plan', async () => {
  const s = await scratch();
  try {
    const stack = join(s.root, 'cut-serving');
    await mkdir(stack);
    const whole = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: h200-whole
spec:
  zone: cn-southwest-2b
  acceleratorType: nvidia-h200
  nodeCount: 1
---
`;
    await writeFile(join(stack, 'stack.yaml'), `${bucket}${whole}${endpoint('cut-chat', 'h200-whole', 9)}`);
    const cli = (...args: string[]) => runInProcess(['--data-dir', s.dataDir, ...args]);
    const plan = await cli('plan', stack, '--detailed-exitcode');
    assert.equal(plan.code, 2, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /ModelEndpoint\/cut-chat: 9 replicas x 1g\.18gb in Cluster\/h200-whole -> cn-southwest-2b/);
    const apply = await cli('apply', stack, '--auto-approve');
    assert.equal(apply.code, 0, apply.stderr + apply.stdout);
    const accs = new Set(
      apply.stdout
        .split('\n')
        .filter((l) => /^\s+replica \d+: /.test(l))
        .map((l) => l.replace(/.* on (\S+) at position \d$/, '$1')),
    );
    assert.equal(accs.size, 2, apply.stdout);
    assert.equal((await cli('plan', stack, '--detailed-exitcode')).code, 0);
    const capacity = await cli('capacity', '--zone', 'cn-southwest-2b');
    const line = capacity.stdout.split('\n').find((l) => /^cn-southwest-2b\/\S+\s+nvidia-h200(\s+\d+){4}$/.test(l));
    assert.ok(line, capacity.stdout);
    assert.deepEqual(line!.trim().split(/\s+/).slice(4).map(Number), [9, 9]);
    assert.equal((await cli('destroy', stack, '--auto-approve')).code, 0);
  } finally {
    await s.cleanup();
  }
});
