import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBin, scratch } from './harness.ts';

const ZONE = 'cn-southwest-2b';
// Every H200 server of the zone (the default inventory has 16), so a cluster preferring H200 must fall back.
const allH200 = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: all-h200
spec:
  zone: ${ZONE}
  acceleratorType: nvidia-h200
  nodeCount: 16
  placement: zone
`;
const either = (types: string[]) => `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: either
spec:
  zone: ${ZONE}
  acceleratorTypes: [${types.join(', ')}]
  nodeCount: 2
  placement: zone
`;

test('a cluster listing several types: the plan shows the type chosen, apply places it there, reordering or dropping an unchosen type updates in place', async () => {
  const s = await scratch();
  try {
    const stack = join(s.root, 'types');
    await mkdir(stack);
    const env = { AICLOUD_DATA_DIR: s.dataDir };
    await writeFile(join(stack, 'h200.yaml'), allH200);
    const first = await runBin(['apply', stack, '--auto-approve'], env);
    assert.equal(first.code, 0, first.stderr + first.stdout);

    await writeFile(join(stack, 'either.yaml'), either(['nvidia-h200', 'ascend-910c']));
    const plan = await runBin(['plan', stack, '--detailed-exitcode'], env);
    assert.equal(plan.code, 2, plan.stderr + plan.stdout);
    assert.match(plan.stdout, new RegExp(`Cluster/either: 2 servers of nvidia-h200 or ascend-910c \\(zone\\) -> ascend-910c in ${ZONE}`));

    const apply = await runBin(['apply', stack, '--auto-approve'], env);
    assert.equal(apply.code, 0, apply.stderr + apply.stdout);
    const capacity = await runBin(['capacity', '--zone', ZONE], env);
    assert.equal(capacity.code, 0, capacity.stderr);
    const same = await runBin(['plan', stack, '--detailed-exitcode'], env);
    assert.equal(same.code, 0, same.stderr + same.stdout);

    await writeFile(join(stack, 'either.yaml'), either(['ascend-910c', 'nvidia-h200']));
    const reorder = await runBin(['plan', stack], env);
    assert.equal(reorder.code, 0, reorder.stderr + reorder.stdout);
    assert.match(reorder.stdout, /Plan: 0 to create, 1 to update, 0 to replace/);

    // The state's outputs say it runs on ascend-910c: dropping nvidia-h200 keeps it, dropping ascend-910c replaces it.
    await writeFile(join(stack, 'either.yaml'), either(['ascend-910c']));
    const dropOther = await runBin(['plan', stack], env);
    assert.equal(dropOther.code, 0, dropOther.stderr + dropOther.stdout);
    assert.match(dropOther.stdout, /Plan: 0 to create, 1 to update, 0 to replace/);
    await writeFile(join(stack, 'either.yaml'), either(['nvidia-h200']));
    // (The replacement could not be placed: every nvidia-h200 server is taken, so the plan cannot be applied.)
    const dropChosen = await runBin(['plan', stack], env);
    assert.match(dropChosen.stdout, /acceleratorTypes: \["nvidia-h200","ascend-910c"\] -> \["nvidia-h200"\] \(forces replacement\)/);
    assert.match(dropChosen.stdout, /Plan: 0 to create, 0 to update, 1 to replace/);
  } finally {
    await s.cleanup();
  }
});

const ascendEither = `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: ascend-either
spec:
  region: cn-southwest-2
  zone: cn-southwest-2a
  acceleratorTypes: [ascend-910c, ascend-910b]
  nodeCount: 1
  placement: zone
`;
// 40B parameters in bf16 need 75.5 GiB a replica: one 910C (128 GiB) holds them, one 910B (64 GiB) does not.
const bigEndpoint = `apiVersion: aicloud.dev/v1
kind: Bucket
metadata:
  name: open-type-weights
spec:
  region: cn-southwest-2
---
apiVersion: aicloud.dev/v1
kind: ModelEndpoint
metadata:
  name: big
spec:
  cluster: ascend-either
  model: { name: m40, bucket: open-type-weights, path: m/, parametersBillions: 40 }
  runtime: { framework: mindie, softwareStack: cann-8.1 }
  acceleratorsPerReplica: 1
  replicas: 1
`;

test('an endpoint on a cluster whose type is still open must suit every listed type; once the cluster runs on one, that type decides', async () => {
  const s = await scratch();
  try {
    const stack = join(s.root, 'open');
    await mkdir(stack);
    const env = { AICLOUD_DATA_DIR: s.dataDir };
    await writeFile(join(stack, 'cluster.yaml'), ascendEither);
    await writeFile(join(stack, 'endpoint.yaml'), bigEndpoint);
    const refused = await runBin(['plan', stack], env);
    assert.equal(refused.code, 1, refused.stderr + refused.stdout);
    assert.match(refused.stderr, /endpoint\.yaml:\d+:\d+/);
    assert.match(refused.stderr, /1 x ascend-910b offer 64\.0 GiB.*may start on ascend-910b/);
    assert.match(refused.stderr, /Drop ascend-910b from the cluster's acceleratorTypes, or change this resource/);

    // The cluster alone starts on its first type (910C is free); then the endpoint is checked against 910C only.
    await writeFile(join(stack, 'endpoint.yaml'), '');
    const cluster = await runBin(['apply', stack, '--auto-approve'], env);
    assert.equal(cluster.code, 0, cluster.stderr + cluster.stdout);
    await writeFile(join(stack, 'endpoint.yaml'), bigEndpoint);
    const plan = await runBin(['plan', stack], env);
    assert.equal(plan.code, 0, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Plan: 2 to create, 0 to update, 0 to replace/);
  } finally {
    await s.cleanup();
  }
});
