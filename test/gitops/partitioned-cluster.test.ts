import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBin, scratch } from './harness.ts';

const migCluster = (name: string, profile: string, count: number) => `apiVersion: aicloud.dev/v1
kind: Cluster
metadata:
  name: ${name}
spec:
  zone: cn-southwest-2b
  acceleratorType: nvidia-h200
  nodeCount: 1
  acceleratorProfile: ${profile}
  profileCount: ${count}
`;

test('a MIG-partitioned cluster plans, applies and shows in aicloud capacity through the real bin', async () => {
  const s = await scratch();
  try {
    const stack = join(s.root, 'mig');
    await mkdir(stack);
    await writeFile(join(stack, 'mig.yaml'), `${migCluster('mig-small', '1g.18gb', 3)}---\n${migCluster('mig-big', '3g.71gb', 1)}`);
    const env = { AICLOUD_DATA_DIR: s.dataDir };
    const plan = await runBin(['plan', stack, '--detailed-exitcode'], env);
    assert.equal(plan.code, 2, plan.stderr + plan.stdout);
    assert.match(plan.stdout, /Plan: 2 to create/);
    assert.doesNotMatch(plan.stdout, /will not fit/i);
    assert.match(plan.stdout, /Cluster\/mig-small: 3 x 1g\.18gb of nvidia-h200 \(partitions, one server\) -> cn-southwest-2b; servers /);

    const apply = await runBin(['apply', stack, '--auto-approve'], env);
    assert.equal(apply.code, 0, apply.stderr + apply.stdout);
    const capacity = await runBin(['capacity', '--zone', 'cn-southwest-2b'], env);
    assert.equal(capacity.code, 0, capacity.stderr);
    assert.match(capacity.stdout, /Partitioned accelerators/);
    // 3 one-position and one four-position instance: on one accelerator 1 position is left, on two 4 + 5 = 9.
    const line = capacity.stdout.split('\n').find((l) => /^cn-southwest-2b\/\S+\s+nvidia-h200\s+\d+\s+\d+\s+\d+\s+\d+$/.test(l));
    assert.ok(line, capacity.stdout);
    const [, , partitioned, free] = line!.trim().split(/\s+/);
    assert.equal(Number(partitioned) * 8 - 3 - 4, Number(free));

    const bad = join(s.root, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'mig.yaml'), migCluster('mig-bad', '1g.10gb', 1));
    const refused = await runBin(['plan', bad], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /spec\.acceleratorProfile: .*1g\.10gb.*1g\.18gb/);
  } finally {
    await s.cleanup();
  }
});
