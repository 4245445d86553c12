import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceFragment } from '../../controlplane/src/allocator/slice-fragment.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { openbInventory } from './openb-cluster.ts';
import { fragmentationShared, openbCatalogue, runModeAShared, typicalClasses } from './mode-a-shared.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';
import { templateFor } from './speed-partitions.ts';

const pod = (name: string, gpus: number, gpuMilli: number, cpuMilli = 1000, memoryMib = 1024): OpenbPod => ({ name, cpuMilli, memoryMib, gpus, gpuMilli });
const NODES: OpenbNode[] = [
  { name: 'n0', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
  { name: 'n1', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
];

test('the openb GPU is a pooled catalogue of milli units with one profile per share in the trace', () => {
  const c = openbCatalogue([pod('a', 1, 500), pod('b', 1, 250), pod('c', 1, 500), pod('d', 2, 1000)]);
  assert.equal(c.kind, 'pooled');
  assert.equal(c.units, 1000);
  assert.deepEqual(c.profiles.map((p) => [p.name, p.size]), [['m250', 250], ['m500', 500]]);
});

test('FGD fragmentation on slices: a 700-milli leftover is a fragment for 800-milli pods, not for 500-milli ones', () => {
  const c = openbCatalogue([pod('a', 1, 800), pod('b', 1, 500)]);
  const view = { free: Int32Array.from([700, 0]), taken: new Uint32Array(2), count: 2, cpu: 1e9, mem: 1e9 };
  const only800 = [{ whole: 0, units: 800, masks: [], cpu: 0, mem: 0, p: 1 }];
  const only500 = [{ whole: 0, units: 500, masks: [], cpu: 0, mem: 0, p: 1 }];
  const whole1 = [{ whole: 1, units: 0, masks: [], cpu: 0, mem: 0, p: 1 }];
  assert.equal(sliceFragment(only800, c, view), 0.7);
  assert.equal(sliceFragment(only500, c, view), 0);
  assert.equal(sliceFragment(whole1, c, view), 0.7, 'no whole GPU free: all of it is a fragment for a 1-GPU pod');
  view.cpu = 0;
  assert.equal(sliceFragment([{ ...only500[0]!, cpu: 1 }], c, view), 0.7, 'no CPU left: everything free is a fragment');
});

test('mode A with partitions shares GPUs: two half-GPU pods fill one GPU, and the books add up', () => {
  const pods = [pod('a', 1, 500), pod('b', 1, 500), pod('c', 1, 1000), pod('d', 2, 1000), pod('e', 1, 500)];
  const { info, results } = runModeAShared(NODES, pods, ['best-fit', 'fgd', 'first-fit'], 1);
  assert.equal(info.sharedGpuPods, 3);
  for (const r of results) {
    assert.ok(r.allocationRatio130 <= 100 + 1e-9, `${r.policy} allocated more than capacity`);
    // 4 GPUs, demand 0.5+0.5+1+2 = 4 GPUs in trace order: every policy that shares fills the cluster exactly at 100%.
    assert.equal(r.allocationRatio100, 100, r.policy);
    assert.ok(r.sharedPlaced >= 2);
  }
});

test('fragmentation of an empty cluster is what the workload cannot use of whole free GPUs', () => {
  const topo = new Topology(openbInventory(NODES));
  const c = openbCatalogue([pod('a', 1, 500)]);
  const free = new Int32Array(topo.acceleratorCount).fill(1000);
  const cpu = topo.serverCpu.slice();
  const mem = topo.serverMem.slice();
  assert.equal(fragmentationShared(topo, c, typicalClasses([pod('a', 1, 500), pod('b', 2, 1000)]), free, cpu, mem), 0);
  assert.equal(fragmentationShared(topo, c, typicalClasses([pod('b', 4, 1000)]), free, cpu, mem), 100, 'a 4-GPU pod fits no 2-GPU server');
});

test('a GPU share maps to the smallest 910C vNPU template that covers it', () => {
  assert.equal(templateFor(100), 'vir06_1c_16g');
  assert.equal(templateFor(250), 'vir12_3c_32g');
  assert.equal(templateFor(460), undefined, 'more than a quarter of the chip: a whole NPU');
  assert.equal(templateFor(810), undefined);
});
