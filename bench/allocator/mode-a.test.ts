import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fragmentation, runModeA } from './mode-a.ts';
import { readNodes, readPods, TraceMissingError } from './read-openb.ts';

function withTrace(nodes: string, pods: string, fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'openb-'));
  try {
    writeFileSync(join(dir, 'nodes.csv'), nodes);
    writeFileSync(join(dir, 'pods.csv'), pods);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NODES = 'sn,cpu_milli,memory_mib,gpu,model\nn0,8000,32768,2,T4\nn1,8000,32768,2,T4\nn2,2000,32768,4,V100\n';
const PODS = [
  'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time',
  'p0,1000,1024,1,500,,LS,Running,0,10,0',
  'p1,4000,1024,2,1000,,LS,Running,1,10,1',
  'p2,1000,1024,0,0,,LS,Running,2,10,2',
  'p3,3000,1024,1,1000,,LS,Running,3,10,3',
  'p4,1000,1024,4,1000,,LS,Running,4,10,4',
].join('\n');

test('pods sharing a GPU are read as one whole GPU', () => {
  withTrace(NODES, PODS, (dir) => {
    const pods = readPods(join(dir, 'pods.csv'));
    assert.deepEqual(
      pods.map((p) => p.gpus),
      [1, 2, 0, 1, 4],
    );
    assert.equal(pods[0]!.gpuMilli, 500);
    assert.equal(
      readNodes(join(dir, 'nodes.csv')).reduce((a, n) => a + n.gpus, 0),
      8,
    );
  });
});

test('a missing trace says where it was looked for', () => {
  assert.throws(
    () => readPods('/nonexistent/pods.csv'),
    (e: Error) => e instanceof TraceMissingError && /\/nonexistent\/pods\.csv/.test(e.message),
  );
});

test('mode A fills to 130% and reports ratios against capacity', () => {
  withTrace(NODES, PODS, (dir) => {
    const { info, results } = runModeA(readNodes(join(dir, 'nodes.csv')), readPods(join(dir, 'pods.csv')), ['first-fit', 'fgd-pack'], 2);
    assert.equal(info.gpus, 8);
    assert.equal(info.cpuOnlyPods, 1);
    for (const r of results) {
      assert.equal(r.curve.length, 131);
      assert.ok(r.allocationRatio130 >= r.allocationRatio100);
      assert.ok(r.allocationRatio130 <= 100);
      assert.equal(r.perSeed.length, 2);
    }
    // The trace is exactly 100% of capacity and every pod fits if the 4-GPU pod gets n2 whole.
    assert.equal(results.find((r) => r.policy === 'fgd-pack')!.allocationRatio100, 100);
  });
});

test('fragmentation counts free GPUs a typical pod cannot use', () => {
  const typical = [
    { gpus: 2, cpu: 1000, mem: 0, p: 0.5 },
    { gpus: 1, cpu: 4000, mem: 0, p: 0.5 },
  ];
  // Server 0: 1 free GPU, plenty of CPU: the 2-GPU pod cannot use it. Server 1: 2 free, 2 cores: the 1-GPU pod cannot.
  const frag = fragmentation(typical, Int32Array.from([1, 2]), Float64Array.from([8000, 2000]), Float64Array.from([1e9, 1e9]), 10);
  assert.equal(frag, (100 * (0.5 * 1 + 0.5 * 2)) / 10);
});
