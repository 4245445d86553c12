import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliceFragment } from '../../controlplane/src/allocator/slice-fragment.ts';
import { Topology } from '../../controlplane/src/allocator/topology.ts';
import { openbInventory } from './openb-cluster.ts';
import { fragmentationShared, openbCatalogue, runModeAShared, typicalClasses } from './mode-a-shared.ts';
import type { OpenbNode, OpenbPod } from './read-openb.ts';
import { templateFor } from './speed-partitions.ts';
import { fgdArrivals, podMilli, traceOrderArrivals } from './fgd-arrivals.ts';
import { chooseCpuServer } from './place-cpu-pod.ts';
import { fgdServerRank } from '../../controlplane/src/allocator/slice-fragment.ts';

const pod = (name: string, gpus: number, gpuMilli: number, cpuMilli = 1000, memoryMib = 1024): OpenbPod => ({ name, cpuMilli, memoryMib, gpus, gpuMilli });
const NODES: OpenbNode[] = [
  { name: 'n0', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
  { name: 'n1', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
];

test('the openb GPU is a pooled catalogue of milli units with one profile per share in the trace', () => {
  const c = openbCatalogue([pod('a', 1, 500), pod('b', 1, 250), pod('c', 1, 500), pod('d', 2, 1000)]);
  assert.equal(c.kind, 'pooled');
  assert.equal(c.units, 1000);
  assert.deepEqual(
    c.profiles.map((p) => [p.name, p.size]),
    [
      ['m250', 250],
      ['m500', 500],
    ],
  );
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
  const { info, results } = runModeAShared(NODES, pods, ['best-fit', 'fgd', 'first-fit'], 1, 'trace');
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

test("FGD's arrivals: every trace pod once (CPU-only ones too) in a seeded order, then draws that stay within 130% of GPU capacity", () => {
  const pods = [pod('a', 1, 500), pod('b', 1, 1000), pod('c', 2, 1000), pod('cpu1', 0, 0), pod('cpu2', 0, 0)];
  const capacity = 4 * 1000;
  const x = fgdArrivals(pods, capacity, 1.3, 1);
  assert.deepEqual(
    x
      .slice(0, pods.length)
      .map((p) => p.name)
      .sort(),
    pods.map((p) => p.name).sort(),
  );
  const demand = x.reduce((a, p) => a + podMilli(p), 0);
  assert.ok(demand <= 1.3 * capacity, `demand ${demand} passes 130%`);
  assert.ok(demand > 1.3 * capacity - 2000, 'draws stop only when the next pod would pass the target');
  assert.deepEqual(
    fgdArrivals(pods, capacity, 1.3, 1).map((p) => p.name),
    x.map((p) => p.name),
    'same seed, same arrivals',
  );
  const orders = new Set(
    [1, 2, 3, 4, 5].map((seed) =>
      fgdArrivals(pods, capacity, 1.3, seed)
        .slice(0, 5)
        .map((p) => p.name)
        .join(),
    ),
  );
  assert.ok(orders.size > 1, 'the seed changes the order');
  assert.ok(
    traceOrderArrivals(pods, capacity, 1.3, 1).every((p) => p.gpus > 0),
    'trace order leaves CPU-only pods out',
  );
});

test('CPU-only pods take host CPU: a server full of them cannot take a GPU pod that needs CPU', () => {
  const nodes: OpenbNode[] = [{ name: 'n0', cpuMilli: 4000, memoryMib: 65536, gpus: 1, model: 'T4' }];
  const pods = [pod('cpu', 0, 0, 4000), pod('g', 1, 1000, 1000)];
  const { info, results } = runModeAShared(nodes, pods, ['best-fit', 'fgd-pack'], 3);
  assert.equal(info.cpuPods, 1);
  // Whichever comes first wins the CPU: the GPU pod is placed exactly in the seeds where it came first.
  const expected = [1, 2, 3].map((seed) => (fgdArrivals(pods, 1000, 1.3, seed)[0]!.name === 'g' ? 100 : 0));
  assert.ok(expected.includes(0), 'some seed puts the CPU-only pod first');
  for (const r of results) {
    assert.ok(r.cpuPlaced >= 1, r.policy);
    assert.deepEqual(
      r.perSeed.map((s) => s.allocationRatio130),
      expected,
      r.policy,
    );
  }
});

test('seeds can start past 1, so parameters are chosen on other seeds than the reported ones', () => {
  const nodes: OpenbNode[] = [{ name: 'n0', cpuMilli: 4000, memoryMib: 65536, gpus: 1, model: 'T4' }];
  const pods = [pod('cpu', 0, 0, 4000), pod('g', 1, 1000, 1000)];
  const all = runModeAShared(nodes, pods, ['fgd-pack'], 3).results[0]!.perSeed;
  const later = runModeAShared(nodes, pods, ['fgd-pack'], 2, 'fgd', false, 2).results[0]!.perSeed;
  assert.deepEqual(
    later.map((s) => s.seed),
    [2, 3],
  );
  assert.deepEqual(later, all.slice(1), 'seed 2 is the same run whether it comes first or second');
});

test('a CPU-only pod goes where its CPU strands no GPU under FGD, and best-fit takes the fullest server', () => {
  const nodes: OpenbNode[] = [
    { name: 'gpus-free', cpuMilli: 8000, memoryMib: 65536, gpus: 2, model: 'T4' },
    { name: 'gpus-held', cpuMilli: 8000, memoryMib: 65536, gpus: 2, model: 'T4' },
  ];
  const topo = new Topology(openbInventory(nodes));
  const gpuPods = [pod('g', 1, 1000, 6000)];
  const c = openbCatalogue(gpuPods);
  const classes = typicalClasses(gpuPods);
  // Server 1's GPUs are both held: taking its CPU strands nothing; server 0's GPUs need 6 cores free.
  const books = { freeMilli: Int32Array.from([1000, 1000, 0, 0]), freeCpu: Float64Array.from([8000, 8000]), freeMem: Float64Array.from([65536, 65536]) };
  for (const policy of ['fgd', 'fgd-pack'] as const) {
    assert.equal(
      chooseCpuServer(policy, topo, c, classes, books, 4000, 1024, () => 0.5, new Float64Array(2).fill(NaN)),
      1,
      policy,
    );
  }
  assert.equal(
    chooseCpuServer('best-fit', topo, c, classes, books, 4000, 1024, () => 0.5, new Float64Array(2).fill(NaN)),
    1,
  );
  assert.equal(
    chooseCpuServer('first-fit', topo, c, classes, books, 4000, 1024, () => 0.5, new Float64Array(2).fill(NaN)),
    0,
  );
  assert.equal(
    chooseCpuServer('fgd', topo, c, classes, books, 9000, 1024, () => 0.5, new Float64Array(2).fill(NaN)),
    -1,
    'no server has 9 cores',
  );
});

test('fgd-pack-cpu keeps the CPU next to free GPUs that fgd-pack takes while every typical pod still fits', () => {
  const nodes: OpenbNode[] = [
    { name: 'gpus-free', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
    { name: 'gpus-held', cpuMilli: 16000, memoryMib: 65536, gpus: 2, model: 'T4' },
  ];
  const topo = new Topology(openbInventory(nodes));
  const gpuPods = [pod('g', 1, 1000, 6000)];
  const c = openbCatalogue(gpuPods);
  const classes = typicalClasses(gpuPods);
  // Server 0 has 2 GPUs free and 14 cores; 4 more cores taken leave 10, enough for one 6-core pod but
  // not for two, so FGD's measure does not move and fgd-pack takes the lower server.
  const books = () => ({
    freeMilli: Int32Array.from([1000, 1000, 0, 0]),
    freeCpu: Float64Array.from([14000, 16000]),
    freeMem: Float64Array.from([65536, 65536]),
  });
  const choose = (policy: 'fgd-pack' | 'fgd-pack-cpu') =>
    chooseCpuServer(policy, topo, c, classes, books(), 4000, 1024, () => 0.5, new Float64Array(2).fill(NaN));
  assert.equal(choose('fgd-pack'), 0);
  assert.equal(choose('fgd-pack-cpu'), 1);
});

test("FGD's ranking: fgd ties changes that the artefact's integer score cannot tell apart; fgd-pack rounds to its grain, then keeps untouched servers whole", () => {
  // 100 x sigmoid(-0.01) and 100 x sigmoid(-0.02) both floor to 49: a tie, so the lower server wins.
  assert.ok(fgdServerRank('fgd', 0.02, false, 1) < fgdServerRank('fgd', 0.01, false, 2));
  assert.ok(fgdServerRank('fgd', 0.5, false, 1) > fgdServerRank('fgd', 0.01, false, 2), 'a clearly larger growth loses');
  assert.ok(fgdServerRank('fgd-pack', 0.03, false, 5) < fgdServerRank('fgd-pack', 0.0, false, 6), 'within the grain, the order decides');
  assert.ok(fgdServerRank('fgd-pack', 0.0, false, 9) < fgdServerRank('fgd-pack', 0.0, true, 1), 'an untouched server comes after a used one');
  assert.ok(fgdServerRank('fgd-pack', 0.2, false, 1) > fgdServerRank('fgd-pack', 0.0, true, 9), 'but not over a real difference');
});
